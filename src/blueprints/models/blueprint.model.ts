import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { BlueprintState, Channel, Lane, PainCategory } from './enum-types';
import { Department, Process, Role, System } from './organisation.model';

/**
 * The blueprint as clients read it. Objects are assembled in memory from one
 * query per request, so nested fields resolve without further round trips.
 */

@ObjectType({
  description: 'One cell of the blueprint: what the customer, staff, an interface or a support system does at a step, in a lane.',
})
export class Action {
  @Field({ description: 'its key, unique within its blueprint' }) key: string;
  @Field(() => Lane, { description: 'the lane (row) it sits in' }) lane: Lane;
  @Field({ description: 'what is done, 1..200 characters' }) name: string;
  @Field(() => String, { nullable: true, description: 'free text, up to 5,000 characters; null when none' }) description: string | null;
  @Field(() => Channel, { nullable: true, description: 'the channel of its touchpoint; null when none is set' }) channel: Channel | null;
  @Field(() => String, { nullable: true, description: 'where the customer meets the company here, e.g. a page or a hotline; null when none' })
  touchpoint: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'how the customer feels here, an integer from -3 (worst) to 3 (best), for the emotion curve; CUSTOMER actions only, null when not given',
  })
  emotion: number | null;
  @Field(() => Role, { nullable: true, description: "the role that performs it (the role's department owns it); null when none" }) role: Role | null;
  @Field(() => Department, { nullable: true, description: 'its explicit owning department, mostly for SUPPORT actions no role performs; null when none' })
  department: Department | null;
  @Field(() => Process, { nullable: true, description: "the process it is part of (the process's department owns it); null when none" })
  process: Process | null;
  @Field(() => [System], { description: "the systems it uses (each system's department owns it), in document order; empty when none" })
  systems: System[];
  @Field(() => [Action], { description: 'the actions it needs to happen (DEPENDS_ON), in document order; blame flows along these' })
  dependsOn: Action[];
  @Field(() => [Department], {
    description:
      'the distinct owning departments (of its role, explicit owner, process and systems), by key; empty when none, and then the blame it keeps is unattributed',
  })
  owners: Department[];
  /** Not exposed: where the action sits, for layouts and ordering. */
  stepKey: string;
  position: number;
}

@ObjectType({ description: "A column of the blueprint: one step of the customer's journey, with the actions of every lane under it." })
export class Step {
  @Field({ description: 'its key, unique within its blueprint' }) key: string;
  @Field({ description: 'its name, 1..200 characters' }) name: string;
  @Field(() => [String], { description: 'the physical evidence: what the customer sees or holds at this step (a receipt, a page); empty when none' })
  evidence: string[];
  @Field(() => [Action], { description: 'its actions in every lane, in document order' }) actions: Action[];
}

@ObjectType({ description: 'A phase of the journey (e.g. purchase, or "report a defect"), grouping consecutive steps.' })
export class Stage {
  @Field({ description: 'its key, unique within its blueprint' }) key: string;
  @Field({ description: 'its name, 1..200 characters' }) name: string;
  @Field(() => [Step], { description: 'its steps, in document order' }) steps: Step[];
}

@ObjectType({ description: 'The customer a blueprint is drawn for.' })
export class Persona {
  @Field({ description: "the persona's name, 1..200 characters" }) name: string;
  @Field(() => String, { nullable: true, description: 'who they are and what they need, up to 5,000 characters; null when none' })
  description: string | null;
}

@ObjectType({ description: 'Something that hurts the customer at an action; the blame flow distributes its impact over the departments behind it.' })
export class PainPoint {
  @Field({ description: 'its key, unique within its blueprint' }) key: string;
  @Field({ description: 'a short title, 1..200 characters' }) title: string;
  @Field(() => String, { nullable: true, description: 'free text, up to 5,000 characters; null when none' }) description: string | null;
  @Field(() => Int, { description: 'how much it hurts, an integer from 1 (least) to 5 (most)' }) severity: number;
  @Field(() => Float, { description: 'the share of customers who meet it, in (0, 1]; 1 when not given' }) frequency: number;
  @Field(() => Float, { description: 'severity x frequency, in (0, 5]: the blame mass it sends into the blame flow' }) impact: number;
  @Field(() => PainCategory, { description: 'its kind; OTHER when not given' }) category: PainCategory;
  @Field(() => Action, { description: 'the action where the customer meets it' }) action: Action;
  @Field(() => [Action], {
    description: 'the actions named as its causes, in document order; when there are any, the blame flow starts at them instead of at action',
  })
  causes: Action[];
  @Field({ description: 'the key of the blueprint it belongs to' }) blueprintKey: string;
}

@ObjectType({ description: 'One service blueprint: a customer journey in stages and steps, the actions of every lane, their dependencies and the pain points.' })
export class Blueprint {
  @Field({ description: 'its unique key' }) key: string;
  @Field({ description: 'its name, 1..200 characters' }) name: string;
  @Field(() => String, { nullable: true, description: 'free text, up to 5,000 characters; null when none' }) description: string | null;
  @Field(() => BlueprintState, { description: 'which kind of map it is' }) state: BlueprintState;
  @Field(() => Persona, { nullable: true, description: 'the customer it is drawn for; null when none' }) persona: Persona | null;
  @Field(() => [Stage], { description: 'its stages, in document order' }) stages: Stage[];
  @Field(() => [PainPoint], { description: 'its pain points, in document order' }) painPoints: PainPoint[];
  @Field(() => Int, { description: '1 at creation, +1 for every write that changes it' }) version: number;
  @Field({ description: 'when its current version was written (ISO 8601, UTC)' }) updatedAt: string;
}
