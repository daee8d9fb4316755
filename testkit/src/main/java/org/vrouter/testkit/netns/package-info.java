/** vrouter's management side over real network-namespace routers: the end-to-end suite's and the netns demo's bootstrap, guests and probes. */
package org.vrouter.testkit.netns;
