/**
 * Typed settings records and the partner/agreement bootstrap file format, validated at start-up.
 * No business logic lives here.
 */
package io.interdict.config;
