import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Problem } from '../common/errors';
import { DocumentCheck, OutsideParts, checkDocumentRules, flattenValidationErrors } from '../blueprints/document-validation';
import { ActionDocument, BlueprintDocument, PainPointDocument, StageDocument, StepDocument } from '../blueprints/dto/blueprint-document';
import { sameValue as same } from '../common/same-value';

/**
 * The checks of an edited document, as an import would check it, at the cost
 * of what the edit changed: the field rules run on the parts that are new or
 * differ from the document before the edit (the rest passed them when it was
 * written), the rules across parts (keys, references, lanes, limits) on the
 * whole that was read, which are plain loops, with what lies `outside` it
 * (an edit reads only the part it touches). The same problems, at the same paths.
 */
export function checkEditedDocument(before: BlueprintDocument, after: BlueprintDocument, root = 'document', outside?: OutsideParts): DocumentCheck {
  const problems: Problem[] = [];
  /** The field rules of one part, its child lists left out (they are checked as parts of their own). */
  const fields = <T extends object>(type: ClassConstructor<T>, part: object, path: string, children: string[] = []) => {
    const shallow = { ...part, ...Object.fromEntries(children.map((child) => [child, []])) };
    const found = flattenValidationErrors(validateSync(plainToInstance(type, shallow), { whitelist: true, forbidNonWhitelisted: true }), path);
    problems.push(...found.filter((p) => !children.some((child) => p.path === `${path}.${child}` || p.path.startsWith(`${path}.${child}[`))));
  };
  const own = (part: object, children: string[]) => Object.fromEntries(Object.entries(part).filter(([name]) => !children.includes(name)));

  const { stages, painPoints, ...properties } = after;
  const { stages: _stages, painPoints: _painPoints, ...propertiesBefore } = before;
  if (!same(properties, propertiesBefore)) fields(BlueprintDocument, after, root, ['stages', 'painPoints']);

  const stagesBefore = new Map(before.stages.map((stage) => [stage.key, stage]));
  const stepsBefore = new Map(before.stages.flatMap((stage) => stage.steps).map((step) => [step.key, step]));
  const actionsBefore = new Map(before.stages.flatMap((stage) => stage.steps.flatMap((step) => step.actions)).map((a) => [a.key, a]));
  const painBefore = new Map((before.painPoints ?? []).map((p) => [p.key, p]));

  stages.forEach((stage, s) => {
    const stagePath = `${root}.stages[${s}]`;
    const old = stagesBefore.get(stage.key);
    if (!old || !same(own(stage, ['steps']), own(old, ['steps']))) fields(StageDocument, stage, stagePath, ['steps']);
    stage.steps.forEach((step, t) => {
      const stepPath = `${stagePath}.steps[${t}]`;
      const oldStep = stepsBefore.get(step.key);
      if (!oldStep || !same(own(step, ['actions']), own(oldStep, ['actions']))) fields(StepDocument, step, stepPath, ['actions']);
      step.actions.forEach((action, a) => {
        const oldAction = actionsBefore.get(action.key);
        if (!oldAction || !same(action, oldAction)) fields(ActionDocument, action, `${stepPath}.actions[${a}]`);
      });
    });
  });
  (painPoints ?? []).forEach((painPoint, p) => {
    const old = painBefore.get(painPoint.key);
    if (!old || !same(painPoint, old)) fields(PainPointDocument, painPoint, `${root}.painPoints[${p}]`);
  });

  const rules = checkDocumentRules(after, root, outside);
  const seen = new Set<string>();
  const distinct = [...problems, ...rules.problems].filter((p) => {
    const id = `${p.path}\u0000${p.message}`;
    return !seen.has(id) && !!seen.add(id);
  });
  return { document: after, problems: distinct, externalReferences: rules.externalReferences };
}
