import { Empty, PageHeader } from '../components/ui';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Empty title="There is nothing at this address">
        Go back to the <a href="/">dashboard</a>.
      </Empty>
    </>
  );
}
