/**
 * The simulator hypervisor: routers "run" in memory, each with a root directory on disk, and their
 * configuration commands go through the real router-side pipeline with a dry-run host, so tests can
 * read the databags and rendered files a real router would hold.
 */
package org.vrouter.testkit.simulator;
