import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { DESCRIPTION_MAX, IsFrequency, IsIntegerIn, IsKey, IsName, IsOneOf, IsText } from '../../common/validation-rules';
import { BlueprintState, Channel, Lane, PainCategory } from '../models/enum-types';

/**
 * The blueprint document: one class per part serves as the GraphQL input
 * (`BlueprintDocumentInput` ...), as the output of exportBlueprint
 * (`BlueprintDocument` ...) and as the rules checked for files, so the three
 * cannot drift apart.
 */

@ObjectType('DocumentPersona', { description: 'The persona of an exported blueprint document.' })
@InputType('PersonaInput', { description: 'The customer a blueprint is drawn for.' })
export class PersonaDocument {
  @Field({ description: "the persona's name, 1..200 characters" }) @IsName() name: string;
  @Field(() => String, { nullable: true, description: 'who they are and what they need, up to 5,000 characters; null for none' })
  @IsOptional()
  @IsText(DESCRIPTION_MAX)
  description?: string | null;
}

@ObjectType('DocumentDepartment', { description: 'A department that an exported document lists.' })
@InputType('DepartmentInput', { description: 'A department by key: created if new, else renamed.' })
export class DepartmentDocument {
  @Field({ description: 'its key, unique across the organisation' }) @IsKey() key: string;
  @Field({ description: 'its name, 1..200 characters' }) @IsName() name: string;
}

@ObjectType('DocumentRole', { description: 'A role that an exported document lists, with its department by key.' })
@InputType('RoleInput', { description: 'A role by key: created if new, else given this name and department.' })
export class RoleDocument {
  @Field({ description: 'its key, unique across the organisation' }) @IsKey() key: string;
  @Field({ description: 'its name, 1..200 characters' }) @IsName() name: string;
  @Field({ description: 'the key of the department the role sits in' }) @IsKey() department: string;
}

@ObjectType('DocumentSystem', { description: 'A system that an exported document lists, with its owning department by key.' })
@InputType('SystemInput', { description: 'A system by key: created if new, else given this name and owning department.' })
export class SystemDocument {
  @Field({ description: 'its key, unique across the organisation' }) @IsKey() key: string;
  @Field({ description: 'its name, 1..200 characters' }) @IsName() name: string;
  @Field({ description: 'the key of the department that owns the system' }) @IsKey() department: string;
}

@ObjectType('DocumentProcess', { description: 'A process that an exported document lists, with its owning department by key.' })
@InputType('ProcessInput', { description: 'A process by key: created if new, else given this name and owning department.' })
export class ProcessDocument {
  @Field({ description: 'its key, unique across the organisation' }) @IsKey() key: string;
  @Field({ description: 'its name, 1..200 characters' }) @IsName() name: string;
  @Field({ description: 'the key of the department that owns the process' }) @IsKey() department: string;
}

@ObjectType('DocumentAction', { description: 'An action of an exported document, naming what it references by key.' })
@InputType('ActionInput', { description: 'An action of a document: what is done at a step in a lane, with its owners and dependencies by key.' })
export class ActionDocument {
  @Field({ description: 'its key, unique within the document' }) @IsKey() key: string;
  @Field(() => Lane, { description: 'the lane (row) it sits in' }) @IsOneOf(Object.values(Lane)) lane: Lane;
  @Field({ description: 'what is done, 1..200 characters' }) @IsName() name: string;
  @Field(() => String, { nullable: true, description: 'free text, up to 5,000 characters; null for none' })
  @IsOptional()
  @IsText(DESCRIPTION_MAX)
  description?: string | null;
  @Field(() => Channel, { nullable: true, description: 'the channel of its touchpoint; null for none' })
  @IsOptional()
  @IsOneOf(Object.values(Channel))
  channel?: Channel | null;
  @Field(() => String, { nullable: true, description: 'where the customer meets the company here, 1..200 characters; null for none' })
  @IsOptional()
  @IsName()
  touchpoint?: string | null;
  @Field(() => Int, { nullable: true, description: 'how the customer feels here, an integer from -3 (worst) to 3 (best); CUSTOMER actions only, null for none' })
  @IsOptional()
  @IsIntegerIn(-3, 3)
  emotion?: number | null;
  @Field(() => String, { nullable: true, description: 'the key of the role that performs it; null for none' }) @IsOptional() @IsKey() role?: string | null;
  @Field(() => String, { nullable: true, description: 'the key of its explicit owning department; null for none' })
  @IsOptional()
  @IsKey()
  department?: string | null;
  @Field(() => String, { nullable: true, description: 'the key of the process it is part of; null for none' }) @IsOptional() @IsKey() process?: string | null;
  @Field(() => [String], { nullable: true, description: 'the keys of the systems it uses; null or empty for none' })
  @IsOptional()
  @IsArray()
  @IsKey({ each: true })
  systems?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'the keys of the actions of the same blueprint that it needs to happen (DEPENDS_ON); null or empty for none' })
  @IsOptional()
  @IsArray()
  @IsKey({ each: true })
  dependsOn?: string[] | null;
}

@ObjectType('DocumentStep', { description: 'A step of an exported document.' })
@InputType('StepInput', { description: 'A step of a document, with its actions in order.' })
export class StepDocument {
  @Field({ description: 'its key, unique within the document' }) @IsKey() key: string;
  @Field({ description: 'its name, 1..200 characters' }) @IsName() name: string;
  @Field(() => [String], { nullable: true, description: 'the physical evidence the customer sees or holds at this step, 1..200 characters each; null or empty for none' })
  @IsOptional()
  @IsArray()
  @IsName(undefined, { each: true })
  evidence?: string[] | null;
  @Field(() => [ActionDocument], { description: 'its actions in every lane, in order' })
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ActionDocument)
  actions: ActionDocument[];
}

@ObjectType('DocumentStage', { description: 'A stage of an exported document.' })
@InputType('StageInput', { description: 'A stage of a document, with its steps in order.' })
export class StageDocument {
  @Field({ description: 'its key, unique within the document' }) @IsKey() key: string;
  @Field({ description: 'its name, 1..200 characters' }) @IsName() name: string;
  @Field(() => [StepDocument], { description: 'its steps, in order' })
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => StepDocument)
  steps: StepDocument[];
}

@ObjectType('DocumentPainPoint', { description: 'A pain point of an exported document.' })
@InputType('PainPointInput', { description: 'A pain point of a document, naming its actions by key.' })
export class PainPointDocument {
  @Field({ description: 'its key, unique within the document' }) @IsKey() key: string;
  @Field({ description: 'a short title, 1..200 characters' }) @IsName() title: string;
  @Field(() => String, { nullable: true, description: 'free text, up to 5,000 characters; null for none' })
  @IsOptional()
  @IsText(DESCRIPTION_MAX)
  description?: string | null;
  @Field({ description: 'the key of the action where the customer meets it' }) @IsKey() action: string;
  @Field(() => [String], {
    nullable: true,
    description: 'the keys of the actions named as its causes; the blame flow starts at them when there are any, else at action',
  })
  @IsOptional()
  @IsArray()
  @IsKey({ each: true })
  causes?: string[] | null;
  @Field(() => Int, { description: 'how much it hurts, an integer from 1 (least) to 5 (most)' }) @IsIntegerIn(1, 5) severity: number;
  @Field(() => Float, { nullable: true, description: 'the share of customers who meet it, in (0, 1]; 1 when null or absent' }) @IsOptional() @IsFrequency() frequency?: number | null;
  @Field(() => PainCategory, { nullable: true, description: 'its kind; OTHER when null or absent' })
  @IsOptional()
  @IsOneOf(Object.values(PainCategory))
  category?: PainCategory | null;
}

@ObjectType('BlueprintDocument', {
  description:
    'A blueprint as a document, the shape of BlueprintDocumentInput, listing the organisation entries it references: imported on an empty database, it recreates the blueprint.',
})
@InputType('BlueprintDocumentInput', {
  description: 'One blueprint with everything it references, as imported; the same shape as a blueprint .json or .yaml file (blueprint as code).',
})
export class BlueprintDocument {
  @Field({ description: "the blueprint's key: 1..100 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit" }) @IsKey() key: string;
  @Field({ description: 'its name, 1..200 characters' }) @IsName() name: string;
  @Field(() => String, { nullable: true, description: 'free text, up to 5,000 characters; null for none' })
  @IsOptional()
  @IsText(DESCRIPTION_MAX)
  description?: string | null;
  @Field(() => BlueprintState, { nullable: true, description: 'which kind of map it is; CURRENT when null or absent' })
  @IsOptional()
  @IsOneOf(Object.values(BlueprintState))
  state?: BlueprintState | null;
  @Field(() => PersonaDocument, { nullable: true, description: 'the customer it is drawn for; null for none' })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => PersonaDocument)
  persona?: PersonaDocument | null;
  @Field(() => [DepartmentDocument], { nullable: true, description: 'organisation-wide departments, created or renamed by an import; on export, every department that the blueprint references, directly or through its roles, systems and processes' })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => DepartmentDocument)
  departments?: DepartmentDocument[] | null;
  @Field(() => [RoleDocument], { nullable: true, description: 'organisation-wide roles, created or updated by an import; on export, every role its actions reference' })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => RoleDocument)
  roles?: RoleDocument[] | null;
  @Field(() => [SystemDocument], { nullable: true, description: 'organisation-wide systems, created or updated by an import; on export, every system its actions reference' })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => SystemDocument)
  systems?: SystemDocument[] | null;
  @Field(() => [ProcessDocument], { nullable: true, description: 'organisation-wide processes, created or updated by an import; on export, every process its actions reference' })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ProcessDocument)
  processes?: ProcessDocument[] | null;
  @Field(() => [StageDocument], { description: 'its stages in order, with their steps and actions' })
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => StageDocument)
  stages: StageDocument[];
  @Field(() => [PainPointDocument], { nullable: true, description: 'its pain points, in order; null or empty for none' })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => PainPointDocument)
  painPoints?: PainPointDocument[] | null;
}
