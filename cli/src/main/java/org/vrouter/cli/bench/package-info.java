/** {@code vrouter bench router}: the router side's timing harness, its table, CSV and plot. */
package org.vrouter.cli.bench;
