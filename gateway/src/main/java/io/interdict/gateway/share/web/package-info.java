/** HTTP endpoints for intelligence shares. */
package io.interdict.gateway.share.web;
