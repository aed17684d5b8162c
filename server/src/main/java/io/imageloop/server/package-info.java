/** The HTTP service of the imageloop API contract. */
package io.imageloop.server;
