import { rich } from '../components/rich';
import { Empty, PageHeader } from '../components/ui';
import { useT } from '../lib/i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Empty title={t('notFound.nothing')}>{rich(t('notFound.back'), { a: (s) => <a href="/">{s}</a> })}</Empty>
    </>
  );
}
