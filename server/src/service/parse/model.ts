// The release-plan model: what a reader sees in a plan, with exact LSP-style ranges
// (0-based line, UTF-16 character offsets) so every feature can point at the text it talks about.
// Pure data: no LSP or vscode types, so the CLI and tests share it.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of the document's text and where it is. `text` is the source text exactly as written. */
export interface TextSpan {
  text: string;
  range: Range;
}

export interface Heading {
  /** 1–6 */
  depth: number;
  /** Plain text of the heading (emphasis and code markers removed). */
  text: string;
  /** Range of the heading's content (after the `#`s), trimmed. */
  range: Range;
  line: number;
}

export type ToggleSource = 'table' | 'prose';

export interface Toggle {
  name: string;
  /** Range of the name itself (inside backticks/link text). */
  range: Range;
  source: ToggleSource;
  backticked: boolean;
  /** Link target when the name is a link, e.g. a Flipper UI URL. */
  link?: { target: string; range: Range; /** feature name when the target is a `/flipper/features/NAME` URL */ featureName?: string };
  /** `Mobile`, `Web`, `FE`, `BE`… when the cell has such a prefix. */
  prefix?: string;
  description?: TextSpan;
}

/** A `Label: value` line. */
export interface Field {
  /** Label text without emphasis markers and without the trailing `:`/`?:`. */
  label: string;
  labelRange: Range;
  /** Value on the label's own line, trimmed; empty string when nothing follows the separator. */
  value: string;
  /** Range of the trimmed value; when empty, a zero-length range just after the separator. */
  valueRange: Range;
  /** Nested list items (and lazy continuation lines) under the field: their texts continue the value. */
  children: TextSpan[];
  line: number;
  /** Which part of its section the field sits in, from the nearest `Planning`/`Results` heading or label. */
  part?: 'planning' | 'results';
}

export type PlaceholderKind = 'placeholder' | 'pick-one';

export interface Placeholder {
  kind: PlaceholderKind;
  /** The placeholder as written (`[FILL_IN]`, `\[FILL\_IN\]`, `TBD`, `x`…). */
  text: string;
  range: Range;
  /** For `[PICK_ONE]`: the option list that follows it (`yes | no | N/A`, `yes/no`), if any. */
  options?: TextSpan & { values: string[] };
}

export type StageSource = 'heading' | 'list' | 'table' | 'checklist';
export type StageLabelKind = 'letter' | 'roman' | 'number';

export interface Percentage {
  value: number;
  range: Range;
  text: string;
}

export interface Stage {
  /** `A`, `II`, `3` */
  label: string;
  labelKind: StageLabelKind;
  /** Position of the label in the sequence (A=1, II=2, 3=3); a sub-stage has its parent's ordinal. */
  ordinal: number;
  /** For a sub-stage inserted between two others (`Stage A.1`): its number; `label` is then `A.1`. */
  sub?: number;
  labelRange: Range;
  /** Text after `Stage X:` (e.g. `50% of users (optional)`), may be empty. */
  name: string;
  /** The heading / list item / row text as a span. */
  heading: TextSpan;
  headingDepth?: number;
  /** Percentage named in the heading or item, if any. */
  percentage?: Percentage;
  optional: boolean;
  source: StageSource;
  /** From the stage heading to the line before the next section at the same or higher level. */
  range: Range;
  fields: Field[];
  /** Extra `Stage X Results` headings attached to this stage. */
  resultsHeadings: Heading[];
  /** Index into `ReleasePlan.rollouts` of the rollout this stage belongs to (0 for one-rollout plans). */
  rollout?: number;
}

/**
 * One ramp of stages. A plan that rolls out several features (or facilities, or product areas) one after
 * another, each under its own heading with its stages starting again at Stage A, has one per ramp.
 */
export interface Rollout {
  index: number;
  /** The heading the ramp sits under, for every rollout after the first (the first may have none). */
  heading?: Heading;
  /** From the rollout's heading (the first: the document start) to the line before the next rollout's. */
  range: Range;
  stages: Stage[];
  /** Toggles named inside the rollout's range (plan-wide toggle tables are in `ReleasePlan.toggles`). */
  toggles: Toggle[];
  /** Desired date range fields inside the rollout's range. */
  desiredDateRanges: Field[];
}

export interface Phase {
  /** `I`, `II`, `I.B`, `1` */
  label: string;
  heading: Heading;
  range: Range;
  fields: Field[];
}

export type SectionKind = 'toggles' | 'rollback' | 'phase-1' | 'phase-2' | 'rollout-planning' | 'post-launch' | 'week-1' | 'month-1' | 'post-launch-questions' | 'go-live';

export interface Section {
  kind: SectionKind;
  heading: Heading;
  /** From the heading to the end of its section. */
  range: Range;
  fields: Field[];
}

export interface HtmlComment {
  /** The comment body without `<!--`/`-->`, trimmed. */
  text: string;
  range: Range;
}

export interface ReleasePlan {
  /** The text that was parsed. */
  text: string;
  lineCount: number;
  /** The document's line ending, for edits that must preserve it. */
  eol: '\n' | '\r\n';
  title?: Heading;
  headings: Heading[];
  toggles: Toggle[];
  phases: Phase[];
  /** Stages in document order, from the plan's primary stage source (headings when there are any). */
  stages: Stage[];
  /** The stages grouped by rollout (see Rollout); one entry when the plan ramps once, none without stages. */
  rollouts: Rollout[];
  /** Every field in the document, in order (stage and phase fields included). */
  fields: Field[];
  /** `Desired date range` fields (Phase I's "or test duration" variant included), in order. */
  desiredDateRanges: Field[];
  /** Fields that give a go-live date (`Desired date` in the Go Live section, `Desired date for initial launch`). */
  releaseDates: Field[];
  placeholders: Placeholder[];
  sections: Section[];
  comments: HtmlComment[];
  /** Line ranges of fenced/indented code, which no check should look into. */
  codeBlocks: Range[];
}
