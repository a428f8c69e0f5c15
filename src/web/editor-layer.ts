import { BlueprintLayout, GRID, LANES, LaneName } from './blueprint-layout';
import { escapeXml } from './markup';

/**
 * The edit controls that sit on the grid: "Add step" and "Edit stage" in each
 * stage's header, "Add action" and "Edit step" in each step's column, placed
 * from the same layout the picture is drawn from (one source of geometry).
 * Hidden until the page is in edit mode. Pure: layout in, HTML out.
 */

export const EDITOR_STYLE = `
.canvas { position: relative; }
.edit-layer { position: absolute; left: 0; top: 0; pointer-events: none; }
.edit-layer[hidden] { display: none; }
.edit-layer .drop-step, .edit-layer .drop-lane { display: none; }
body.dragging .bp-svg { cursor: grabbing; }
.bp-svg .bp-card.drag-ghost { opacity: 0.6; pointer-events: none; }
.edit-layer button { position: absolute; pointer-events: auto; font-size: 11px; padding: 1px 7px; border-radius: 10px; border: 1px solid #0b69a3; background: #fff; color: #0b69a3; cursor: pointer; white-space: nowrap; }
.edit-layer button:hover, .edit-layer button:focus-visible { background: #0b69a3; color: #fff; }
.edit-layer .connect { position: absolute; pointer-events: auto; width: 12px; height: 12px; border-radius: 50%; background: #fff; border: 2px solid #0b69a3; box-sizing: border-box; cursor: crosshair; opacity: 0.55; }
.edit-layer .connect:hover, body.connecting .edit-layer .connect { opacity: 1; }
.bp-svg .connect-line { stroke: #0b69a3; stroke-width: 2; stroke-dasharray: 5 3; pointer-events: none; }
.edit-layer button.icon { width: 22px; height: 20px; padding: 0; text-align: center; font-size: 12px; line-height: 18px; }
.edit-bar { display: flex; gap: 8px; align-items: center; padding: 6px 16px; background: #f0f4f8; border-bottom: 1px solid #d9e2ec; flex-wrap: wrap; }
.edit-bar button { font-size: 12px; padding: 3px 10px; border-radius: 4px; border: 1px solid #829ab1; background: #fff; cursor: pointer; }
.edit-bar button[aria-pressed=true] { background: #102a43; color: #fff; border-color: #102a43; }
.edit-bar .editing-only[hidden] { display: none; }
.edit-bar .edit-hint { color: #486581; font-size: 12px; }
body.editing .bp-svg .bp-card, body.editing .bp-svg .bp-pain { cursor: pointer; }
body.editing .bp-svg path.bp-edge { pointer-events: stroke; stroke-width: 2.5; cursor: pointer; }
body.choosing .bp-svg .bp-card rect { stroke-dasharray: 4 2; }
.bp-svg .bp-card.cause-chosen rect { stroke: #b3261e; stroke-width: 3.5; stroke-dasharray: none; }
.edit-bar .choose-causes { display: inline-flex; gap: 6px; }
dialog.editor { border: 1px solid #829ab1; border-radius: 8px; padding: 0; width: min(520px, 94vw); box-shadow: 0 8px 30px rgba(16,42,67,.25); }
dialog.editor::backdrop { background: rgba(16,42,67,.25); }
dialog.editor form { padding: 14px 16px; display: flex; flex-direction: column; gap: 8px; }
dialog.editor h2 { margin: 0 0 4px; font-size: 16px; }
dialog.editor .field { display: flex; flex-direction: column; gap: 2px; }
dialog.editor .field-search { font-size: 12px; padding: 2px 6px; }
dialog.editor .field label { font-size: 12px; font-weight: 600; }
dialog.editor input, dialog.editor select, dialog.editor textarea { font: inherit; font-weight: 400; padding: 4px 6px; border: 1px solid #9fb3c8; border-radius: 4px; }
dialog.editor select[multiple] { min-height: 84px; }
dialog.editor .problem { color: #b3261e; font-size: 12px; }
dialog.editor [aria-invalid=true] { border-color: #b3261e; }
dialog.editor .dialog-problem { color: #b3261e; margin: 0; }
dialog.editor .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 6px; flex-wrap: wrap; }
dialog.editor .buttons .danger { margin-right: auto; color: #b3261e; border-color: #b3261e; }
dialog.editor .buttons button { font-size: 13px; padding: 4px 12px; border-radius: 4px; border: 1px solid #829ab1; background: #fff; cursor: pointer; }
dialog.editor .buttons button[type=submit] { background: #0b69a3; color: #fff; border-color: #0b69a3; }
dialog.editor .inline-new { align-self: flex-start; font-size: 11px; border: 0; background: none; color: #0b69a3; cursor: pointer; padding: 0; }
dialog.editor ul.related { margin: 0; padding-left: 16px; font-size: 12px; }
`;

export function editorLayer(layout: BlueprintLayout): string {
  const buttons: string[] = [];
  const place = (left: number, top: number) => `style="left:${Math.round(left)}px;top:${Math.round(top)}px"`;
  // The stage's buttons are small icons, so that the stage's name stays readable on a one-step stage;
  // each button's name is what it does, its description (title) what it does it to.
  for (const stage of layout.stages) {
    const key = escapeXml(stage.key);
    const name = escapeXml(stage.name);
    buttons.push(
      `<button type="button" class="add-step icon" data-stage="${key}" aria-label="Add step" title="Add a step to the stage “${name}”" ${place(stage.x + stage.width - 26, stage.y + 5)}>+</button>`,
      `<button type="button" class="edit-stage icon" data-stage="${key}" aria-label="Edit stage" title="Edit the stage “${name}”" ${place(stage.x + stage.width - 52, stage.y + 5)}>✎</button>`,
    );
  }
  for (const column of layout.columns) {
    const key = escapeXml(column.key);
    const name = escapeXml(column.lines.join(' '));
    const top = column.y + GRID.stepPadding + column.lines.length * GRID.stepLineHeight + 2;
    buttons.push(
      `<button type="button" class="add-action" data-step="${key}" title="Add an action to the step “${name}”" ${place(column.x + GRID.stepPadding, top)}>Add action</button>`,
      `<button type="button" class="edit-step" data-step="${key}" title="Edit the step “${name}”" ${place(column.x + GRID.stepPadding + 84, top)}>Edit step</button>`,
    );
  }
  // A handle on each card's right edge: dragged onto another card, it draws a dependency (by keyboard:
  // the card's "Add dependency", so the handles are for the pointer alone).
  for (const card of layout.cards) {
    buttons.push(
      `<span class="connect" data-action="${escapeXml(card.key)}" aria-hidden="true" title="Drag onto the card this one depends on" ` +
        `${place(card.x + card.width - 6, card.y + card.height / 2 - 6)}></span>`,
    );
  }
  // Where a dragged card lands: a step's column and a lane's row, from the same layout.
  for (const column of layout.columns) {
    buttons.push(
      `<div class="drop-step" data-step="${escapeXml(column.key)}" data-left="${Math.round(column.x)}" data-width="${column.width}"></div>`,
    );
  }
  for (const row of layout.rows) {
    if (!LANES.includes(row.kind as LaneName)) continue;
    buttons.push(`<div class="drop-lane" data-lane="${row.kind}" data-top="${Math.round(row.y)}" data-height="${Math.round(row.height)}"></div>`);
  }
  return `<div class="edit-layer" hidden style="width:${layout.width}px;height:${Math.round(layout.height)}px">${buttons.join('')}</div>`;
}
