/**
 * SEARCH, SORT and THREAD: the search-key evaluator they share ({@code SearchEvaluator}), the
 * RFC 5256 algorithms (base subject, sent date, ORDEREDSUBJECT and REFERENCES threading) as pure
 * functions of the data stored at delivery, and the three command handlers. No MINA types, no
 * reparsing of messages (only BODY/TEXT/HEADER keys read the blob).
 */
package io.tenmail.imap.command.search;
