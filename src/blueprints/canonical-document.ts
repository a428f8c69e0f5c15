/** What a document's optional fields mean when absent or null: the blueprint's state, a pain point's frequency and category. */
export const DOCUMENT_DEFAULTS = { state: 'CURRENT', frequency: 1, category: 'OTHER' } as const;

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A valid document as exportBlueprint gives it back once imported: every
 * field present (absent ones as null, lists as []), defaults filled in, and
 * of the organisation only the entries that actions reference and their
 * departments, each list by key. For checks that compare what was sent with
 * what is stored (tests, the chaos and soak scripts).
 */
export function canonicalDocument(document: any): any {
  const actions = document.stages.flatMap((stage: any) => stage.steps.flatMap((step: any) => step.actions));
  const used = (list: any[], keys: (action: any) => (string | undefined)[]) => {
    const wanted = new Set(actions.flatMap(keys));
    return (list ?? []).filter((entry) => wanted.has(entry.key)).sort(byKey);
  };
  const roles = used(document.roles, (action) => [action.role]);
  const systems = used(document.systems, (action) => action.systems ?? []);
  const processes = used(document.processes, (action) => [action.process]);
  const ownerKeys = new Set([...actions.map((action: any) => action.department), ...[...roles, ...systems, ...processes].map((entry) => entry.department)]);
  return {
    key: document.key,
    name: document.name,
    description: document.description ?? null,
    state: document.state ?? DOCUMENT_DEFAULTS.state,
    persona: document.persona ? { name: document.persona.name, description: document.persona.description ?? null } : null,
    departments: (document.departments ?? []).filter((department: any) => ownerKeys.has(department.key)).sort(byKey),
    roles,
    systems,
    processes,
    stages: document.stages.map((stage: any) => ({
      key: stage.key,
      name: stage.name,
      steps: stage.steps.map((step: any) => ({
        key: step.key,
        name: step.name,
        evidence: step.evidence ?? [],
        actions: step.actions.map((action: any) => ({
          key: action.key,
          lane: action.lane,
          name: action.name,
          description: action.description ?? null,
          channel: action.channel ?? null,
          touchpoint: action.touchpoint ?? null,
          emotion: action.emotion ?? null,
          role: action.role ?? null,
          department: action.department ?? null,
          process: action.process ?? null,
          systems: action.systems ?? [],
          dependsOn: action.dependsOn ?? [],
        })),
      })),
    })),
    painPoints: (document.painPoints ?? []).map((painPoint: any) => ({
      key: painPoint.key,
      title: painPoint.title,
      description: painPoint.description ?? null,
      action: painPoint.action,
      causes: painPoint.causes ?? [],
      severity: painPoint.severity,
      frequency: painPoint.frequency ?? DOCUMENT_DEFAULTS.frequency,
      category: painPoint.category ?? DOCUMENT_DEFAULTS.category,
    })),
  };
}

