import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Department {
  @Field() key: string;
  @Field() name: string;
}

@ObjectType()
export class Role {
  @Field() key: string;
  @Field() name: string;
  @Field(() => Department) department: Department;
}

@ObjectType()
export class System {
  @Field() key: string;
  @Field() name: string;
  @Field(() => Department) department: Department;
}

@ObjectType()
export class Process {
  @Field() key: string;
  @Field() name: string;
  @Field(() => Department) department: Department;
}
