/** HTTP endpoints under {@code /api/v1/admin} (scope {@code admin}). */
package io.interdict.gateway.admin.web;
