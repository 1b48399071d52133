import type { Analysis } from '../model/index.js';

/** Mermaid node ids are identifiers; names from the repository become labels, escaped. */
function nodeId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`;
}

/**
 * A flowchart of candidates and the domain services and BaaS they would call: GitHub and GitLab
 * render it in a PR description. Edge labels count call sites.
 */
export function renderMermaid(analysis: Analysis): string {
  const lines = ['flowchart LR'];
  const declared = new Set<string>();
  const declare = (id: string, text: string, shape: 'candidate' | 'domain' | 'baas'): void => {
    if (declared.has(id)) return;
    declared.add(id);
    lines.push(shape === 'candidate' ? `  ${id}[${label(text)}]` : shape === 'domain' ? `  ${id}[(${label(text)})]` : `  ${id}{{${label(text)}}}`);
  };
  for (const candidate of analysis.candidates) {
    const from = nodeId('fn', candidate.id);
    declare(from, `${candidate.name} · ${candidate.metrics.routes} routes`, 'candidate');
    const perService = new Map<string, number>();
    for (const call of candidate.remoteCalls) {
      const service = call.name.split('.')[0] ?? call.name;
      perService.set(service, (perService.get(service) ?? 0) + call.callSites);
    }
    for (const [service, sites] of [...perService].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const to = nodeId('svc', service);
      declare(to, service, 'domain');
      lines.push(`  ${from} -->|${sites}| ${to}`);
    }
    for (const effect of candidate.effects) {
      const to = nodeId('baas', `${effect.kind}_${effect.package}`);
      declare(to, `${effect.kind}: ${effect.package}`, 'baas');
      lines.push(`  ${from} -.-> ${to}`);
    }
  }
  return lines.join('\n');
}
