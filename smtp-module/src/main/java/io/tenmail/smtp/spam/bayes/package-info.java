/**
 * The built-in statistical content filter: a {@link io.tenmail.smtp.spam.bayes.Tokenizer} turns a
 * message into features, {@link io.tenmail.smtp.spam.bayes.TokenStatistics} keeps per-tenant counts
 * of spam and ham seen with each, and {@link io.tenmail.smtp.spam.bayes.BayesClassifier} combines
 * them (Robinson's token probabilities, Fisher's chi-square combining, as SpamBayes does).
 */
package io.tenmail.smtp.spam.bayes;
