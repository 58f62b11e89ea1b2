// The elements' folder boundary (docs/elements/controllers.md) is a lint rule: this proves the rule is
// there and bites, so removing it from eslint.config.js turns this test red rather than silently allowing
// one element to import another's folder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('an element may not import another element’s folder, at any depth', async () => {
  const found = await restrictedImports(
    'packages/elements/src/case-tracker/probe.ts',
    "import { messages } from '../case-desk/case-desk.messages.js';\nimport { Answers } from '../intake-form/answers.js';\nexport { messages, Answers };\n",
  );
  assert.equal(found.length, 2, found.join('\n'));
  assert.match(found[0]!, /another element's folder/);
  const nested = await restrictedImports('packages/elements/src/case-desk/parts/probe.ts', "export { Answers } from '../../intake-form/answers.js';\n");
  assert.equal(nested.length, 1);
});

test('shared code and the element’s own folder are allowed', async () => {
  const found = await restrictedImports(
    'packages/elements/src/case-tracker/probe.ts',
    [
      "import { DataTask } from '../controllers/data-task.js';",
      "import { textField } from '../form/fields.js';",
      "import { RightsErrorEvent } from '../events/events.js';",
      "import { hostStyles } from '../base/theme.styles.js';",
      "import { renderCaseView } from './case-view.js';",
      'export { DataTask, textField, RightsErrorEvent, hostStyles, renderCaseView };',
    ].join('\n'),
  );
  assert.deepEqual(found, []);
});

test('the zod/mini rule still holds inside element folders', async () => {
  const found = await restrictedImports('packages/elements/src/case-stats/probe.ts', "import { z } from 'zod';\nexport { z };\n");
  assert.equal(found.length, 1);
  assert.match(found[0]!, /zod\/mini/);
});
