/** VPC static routes through private gateways. */
package org.vrouter.api.route;
