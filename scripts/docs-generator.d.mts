import type { AnyApiRule } from '../src/rule-kit/define-api-rule.js';
export declare const TABLE_START: string;
export declare const TABLE_END: string;
export declare const HEADER_START: string;
export declare const HEADER_END: string;
export declare function renderRulesTable(rules: Record<string, AnyApiRule>): string;
export declare function renderRuleHeader(id: string, rule: AnyApiRule): string;
export declare function replaceBetween(text: string, start: string, end: string, replacement: string, insertAfterFirstHeading?: boolean): string;
