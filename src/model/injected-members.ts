/**
 * Where a class member such as `this.userModel` or `this.repo` gets its model: Nest's injection
 * decorators on a constructor parameter (`@InjectModel(User.name)`, `@InjectRepository(User)`),
 * the parameter's declared type (`Repository<User>`), or a property declaration's initializer or
 * type. Callers interpret the places (the model's fields, its secret fields).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getDecoratorArguments, getDecoratorName, getDecorators, getPropertyNameText } from '../core/ast.js';

const MODEL_INJECTION_DECORATORS: ReadonlySet<string> = new Set(['InjectRepository', 'InjectModel']);

export type InjectedMember =
  | { readonly kind: 'property'; readonly initializer?: ts.Expression; readonly type?: ts.TypeNode }
  /** `targets`: the models the injection decorators name (`User` for `User.name`), in order. */
  | { readonly kind: 'constructor-parameter'; readonly targets: readonly ts.Expression[]; readonly type?: ts.TypeNode };

/** The declaration of `this.<name>` in the class around `access`, first match in member order. */
export function findInjectedMember(tsApi: TsApi, access: ts.PropertyAccessExpression): InjectedMember | undefined {
  let cls: ts.Node | undefined = access.parent;
  while (cls && !tsApi.isClassDeclaration(cls) && !tsApi.isClassExpression(cls)) cls = cls.parent;
  if (!cls || !(tsApi.isClassDeclaration(cls) || tsApi.isClassExpression(cls))) return undefined;
  const name = access.name.text;
  for (const member of cls.members) {
    if (tsApi.isPropertyDeclaration(member) && getPropertyNameText(tsApi, member.name) === name) {
      if (member.initializer || member.type) return { kind: 'property', initializer: member.initializer, type: member.type };
    }
    if (!tsApi.isConstructorDeclaration(member)) continue;
    for (const param of member.parameters) {
      if (!tsApi.isIdentifier(param.name) || param.name.text !== name) continue;
      const targets: ts.Expression[] = [];
      for (const decorator of getDecorators(tsApi, param)) {
        const arg = getDecoratorArguments(tsApi, decorator)[0];
        const decoratorName = getDecoratorName(tsApi, decorator);
        if (!arg || decoratorName === undefined || !MODEL_INJECTION_DECORATORS.has(decoratorName)) continue;
        targets.push(tsApi.isPropertyAccessExpression(arg) && arg.name.text === 'name' ? arg.expression : arg);
      }
      return { kind: 'constructor-parameter', targets, type: param.type };
    }
  }
  return undefined;
}
