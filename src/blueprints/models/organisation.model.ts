import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An organisation-wide department, shared by every blueprint: what blame is attributed to.' })
export class Department {
  @Field({ description: 'its key, unique across the organisation' }) key: string;
  @Field({ description: 'its name, 1..200 characters' }) name: string;
}

@ObjectType({ description: 'An organisation-wide role; its department owns the actions the role performs.' })
export class Role {
  @Field({ description: 'its key, unique across the organisation' }) key: string;
  @Field({ description: 'its name, 1..200 characters' }) name: string;
  @Field(() => Department, { description: 'the department the role sits in' }) department: Department;
}

@ObjectType({ description: 'An organisation-wide system (e.g. a CRM); its department owns the actions that use it.' })
export class System {
  @Field({ description: 'its key, unique across the organisation' }) key: string;
  @Field({ description: 'its name, 1..200 characters' }) name: string;
  @Field(() => Department, { description: 'the department that owns the system' }) department: Department;
}

@ObjectType({ description: 'An organisation-wide process; its department owns the actions that are part of it.' })
export class Process {
  @Field({ description: 'its key, unique across the organisation' }) key: string;
  @Field({ description: 'its name, 1..200 characters' }) name: string;
  @Field(() => Department, { description: 'the department that owns the process' }) department: Department;
}
