package dev.healdesk.core.run;

/**
 * Which fixes may run without an operator's explicit approval.
 * NONE: none. A: class A only. ALL: every class. ASK: the console asks the operator for each.
 */
public enum ApprovalPolicy {
    NONE, A, ALL, ASK
}
