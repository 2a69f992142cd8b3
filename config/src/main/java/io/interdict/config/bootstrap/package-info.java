/**
 * The partner/agreement bootstrap file: its format ({@link io.interdict.config.bootstrap.BootstrapFile})
 * and its strict reader. The gateway enrols what it lists, as events, on first start.
 */
package io.interdict.config.bootstrap;
