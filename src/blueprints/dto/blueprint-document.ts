import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { DESCRIPTION_MAX, IsFrequency, IsIntegerIn, IsKey, IsName, IsOneOf, IsText } from '../../common/validation-rules';
import { BlueprintState, Channel, Lane, PainCategory } from '../models/enums';

/**
 * The blueprint document: one class per part serves as the GraphQL input
 * (`BlueprintDocumentInput` ...), as the output of exportBlueprint
 * (`BlueprintDocument` ...) and as the rules checked for files, so the three
 * cannot drift apart.
 */

@ObjectType('DocumentPersona')
@InputType('PersonaInput')
export class PersonaDocument {
  @Field() @IsName() name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsText(DESCRIPTION_MAX) description?: string | null;
}

@ObjectType('DocumentDepartment')
@InputType('DepartmentInput')
export class DepartmentDocument {
  @Field() @IsKey() key: string;
  @Field() @IsName() name: string;
}

@ObjectType('DocumentRole')
@InputType('RoleInput')
export class RoleDocument {
  @Field() @IsKey() key: string;
  @Field() @IsName() name: string;
  @Field() @IsKey() department: string;
}

@ObjectType('DocumentSystem')
@InputType('SystemInput')
export class SystemDocument {
  @Field() @IsKey() key: string;
  @Field() @IsName() name: string;
  @Field() @IsKey() department: string;
}

@ObjectType('DocumentProcess')
@InputType('ProcessInput')
export class ProcessDocument {
  @Field() @IsKey() key: string;
  @Field() @IsName() name: string;
  @Field() @IsKey() department: string;
}

@ObjectType('DocumentAction')
@InputType('ActionInput')
export class ActionDocument {
  @Field() @IsKey() key: string;
  @Field(() => Lane) @IsOneOf(Object.values(Lane)) lane: Lane;
  @Field() @IsName() name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsText(DESCRIPTION_MAX) description?: string | null;
  @Field(() => Channel, { nullable: true }) @IsOptional() @IsOneOf(Object.values(Channel)) channel?: Channel | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsName() touchpoint?: string | null;
  @Field(() => Int, { nullable: true, description: '-3..3, CUSTOMER actions only' })
  @IsOptional()
  @IsIntegerIn(-3, 3)
  emotion?: number | null;
  @Field(() => String, { nullable: true, description: 'Role key' }) @IsOptional() @IsKey() role?: string | null;
  @Field(() => String, { nullable: true, description: 'explicit owner, Department key' })
  @IsOptional()
  @IsKey()
  department?: string | null;
  @Field(() => String, { nullable: true, description: 'Process key' }) @IsOptional() @IsKey() process?: string | null;
  @Field(() => [String], { nullable: true, description: 'System keys' })
  @IsOptional()
  @IsArray()
  @IsKey({ each: true })
  systems?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Action keys of the same blueprint' })
  @IsOptional()
  @IsArray()
  @IsKey({ each: true })
  dependsOn?: string[] | null;
}

@ObjectType('DocumentStep')
@InputType('StepInput')
export class StepDocument {
  @Field() @IsKey() key: string;
  @Field() @IsName() name: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsName(undefined, { each: true })
  evidence?: string[] | null;
  @Field(() => [ActionDocument])
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ActionDocument)
  actions: ActionDocument[];
}

@ObjectType('DocumentStage')
@InputType('StageInput')
export class StageDocument {
  @Field() @IsKey() key: string;
  @Field() @IsName() name: string;
  @Field(() => [StepDocument])
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => StepDocument)
  steps: StepDocument[];
}

@ObjectType('DocumentPainPoint')
@InputType('PainPointInput')
export class PainPointDocument {
  @Field() @IsKey() key: string;
  @Field() @IsName() title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsText(DESCRIPTION_MAX) description?: string | null;
  @Field({ description: 'the Action key where the customer meets it' }) @IsKey() action: string;
  @Field(() => [String], { nullable: true, description: 'Action keys named as causes' })
  @IsOptional()
  @IsArray()
  @IsKey({ each: true })
  causes?: string[] | null;
  @Field(() => Int, { description: '1..5' }) @IsIntegerIn(1, 5) severity: number;
  @Field(() => Float, { nullable: true, description: '(0, 1], default 1' }) @IsOptional() @IsFrequency() frequency?: number | null;
  @Field(() => PainCategory, { nullable: true, description: 'default OTHER' })
  @IsOptional()
  @IsOneOf(Object.values(PainCategory))
  category?: PainCategory | null;
}

@ObjectType('BlueprintDocument')
@InputType('BlueprintDocumentInput')
export class BlueprintDocument {
  @Field() @IsKey() key: string;
  @Field() @IsName() name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsText(DESCRIPTION_MAX) description?: string | null;
  @Field(() => BlueprintState, { nullable: true, description: 'default CURRENT' })
  @IsOptional()
  @IsOneOf(Object.values(BlueprintState))
  state?: BlueprintState | null;
  @Field(() => PersonaDocument, { nullable: true })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => PersonaDocument)
  persona?: PersonaDocument | null;
  @Field(() => [DepartmentDocument], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => DepartmentDocument)
  departments?: DepartmentDocument[] | null;
  @Field(() => [RoleDocument], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => RoleDocument)
  roles?: RoleDocument[] | null;
  @Field(() => [SystemDocument], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => SystemDocument)
  systems?: SystemDocument[] | null;
  @Field(() => [ProcessDocument], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ProcessDocument)
  processes?: ProcessDocument[] | null;
  @Field(() => [StageDocument])
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => StageDocument)
  stages: StageDocument[];
  @Field(() => [PainPointDocument], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => PainPointDocument)
  painPoints?: PainPointDocument[] | null;
}
