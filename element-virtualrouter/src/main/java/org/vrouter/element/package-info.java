/**
 * VirtualRouterElement (to come): the NetworkElement and service providers backed by virtual routers.
 */
package org.vrouter.element;
