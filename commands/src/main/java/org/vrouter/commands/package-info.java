/**
 * Typed router commands and their answers: what the management side sends to a router. Pure values, no I/O.
 */
package org.vrouter.commands;
