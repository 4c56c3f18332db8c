// `check --format sarif`: SARIF 2.1.0 for code-scanning tools. One result per finding, located at the line of
// the milestone in the calendar file; rules carry their clauses and default level.
import type { Evaluation } from '../../core/alignment/types.js';
import { annotationPlace, clauseText, levelOf } from './common.js';
import type { FindingsInput, RenderOptions } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Repository-relative paths stay relative (to %SRCROOT%); absolute ones become file URIs. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/')) return { uri: `file://${file.split('/').map(encodeURIComponent).join('/')}` };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function renderFindingsSarif(input: FindingsInput, opts: RenderOptions): string {
  const rules = input.rules.filter(r => r.severity !== 'off');
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const result = (e: Evaluation) => {
    const place = annotationPlace(e, input, opts.lang);
    // A result keeps a location even when no planner file extends an inherited line: code scanning needs one.
    const at = place.at ?? e.at;
    return {
      ruleId: e.rule,
      ruleIndex: index.get(e.rule) ?? 0,
      level: levelOf(e),
      message: { text: place.message },
      ...(at
        ? {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(at.file),
                  ...(at.line !== undefined ? { region: { startLine: at.line } } : {}),
                },
              },
            ],
          }
        : {}),
      partialFingerprints: { 'cyclesyncFinding/v1': `${e.rule}/${e.instance}` },
      properties: {
        instance: e.instance,
        status: e.status,
        gates: e.gates,
        slackDays: e.slackDays,
        clauses: e.clauses,
      },
    };
  };
  const doc = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cyclesync',
            version: input.toolVersion,
            rules: rules.map(r => ({
              id: r.id,
              shortDescription: { text: `${r.id} (${clauseText(r.clauses, opts.lang)})` },
              fullDescription: { text: r.description[opts.lang] },
              defaultConfiguration: { level: r.severity },
              properties: { clauses: r.clauses, kind: r.kind, tags: r.clauses.map(c => `clause-${c}`) },
            })),
          },
        },
        columnKind: 'unicodeCodePoints',
        results: input.result.findings.map(result),
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
