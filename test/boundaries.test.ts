// The lint step enforces the layer boundaries: these cases prove the rules fire.
import path from 'node:path';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '..', filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('engines may not import api/, resolvers/, Prisma or GraphQL', async () => {
  expect(await restricted('engines/nlp/x.ts', "import { openDatabase } from '../../api/db';\nexport const x = openDatabase;\n")).toHaveLength(1);
  expect(await restricted('engines/nlp/x.ts', "import { resolvers } from '../../resolvers';\nexport const x = resolvers;\n")).toHaveLength(1);
  expect(await restricted('engines/nlp/x.ts', "import { PrismaClient } from '@prisma/client';\nexport const x = PrismaClient;\n")).toHaveLength(1);
  expect(await restricted('engines/nlp/x.ts', "import { parse } from 'graphql';\nexport const x = parse;\n")).toHaveLength(1);
  expect(await restricted('engines/nlp/x.ts', "import { DomainError } from '../errors';\nexport const x = DomainError;\n")).toEqual([]);
});

test('resolvers may not touch the Prisma client or the database module', async () => {
  expect(await restricted('resolvers/registry/X.ts', "import { openDatabase } from '../../api/db';\nexport const x = openDatabase;\n")).toHaveLength(1);
  expect(await restricted('resolvers/registry/X.ts', "import { PrismaClient } from '@prisma/client';\nexport const x = PrismaClient;\n")).toHaveLength(1);
  expect(await restricted('resolvers/registry/X.ts', "import { toGlobalId } from '../../api/ids';\nexport const x = toGlobalId;\n")).toEqual([]);
});
