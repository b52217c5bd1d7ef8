// The glossary: every word of the program's jargon in plain language, each with an anchor (/glossary#dry-spell).

import { Card, PageHeader } from '../components/ui';
import { glossary } from '../lib/glossary';
import { useT } from '../lib/i18n';

export function GlossaryPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('glossary.title')} subtitle={t('glossary.subtitle')} />
      <Card>
        <dl class="words glossary" data-testid="glossary">
          {glossary().map((e) => (
            <div class="glossary-entry" id={e.key} data-entry={e.key}>
              <dt>
                <dfn>{e.term}</dfn>
              </dt>
              <dd>{e.meaning}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
