/**
 * Deliberately broken architecture: every rule of {@code ArchitectureRules} must fail on these
 * classes ({@code ArchitectureRulesFailTest}), so a rule that can no longer fail is noticed.
 */
package io.c8kit.archfixture;
