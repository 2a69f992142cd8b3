/**
 * The operator's work (PRODUCT.md §1, §6): enrolling, suspending and reinstating partners, signing
 * and revoking sharing agreements — each as a command, so as a signed event.
 */
package io.interdict.gateway.admin;
