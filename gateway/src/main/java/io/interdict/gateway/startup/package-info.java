/**
 * Start-up checks: the data directory, and failure analyzers that turn a bad setting into one clear
 * line naming it rather than a stack trace.
 */
package io.interdict.gateway.startup;
