// The glossary: every word of the program's jargon in plain language, each with an anchor (/glossary#dry-spell).

import { Card, PageHeader } from '../components/ui';
import { glossary } from '../lib/glossary';

export function GlossaryPage() {
  return (
    <>
      <PageHeader title="Glossary" subtitle="The words covalue uses, in plain language. The same explanations appear when you point at or tab to a dotted word on any page." />
      <Card>
        <dl class="words glossary" data-testid="glossary">
          {glossary.map((e) => (
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
