/** Field-level checks shared by every value that reaches a router: safe text, host names, ports. */
package org.vrouter.api.validation;
