/** A tiny metrics interface (timers and counters) that hosts adapt to their metrics library. */
package org.vrouter.api.metrics;
