package org.vrouter.element;

import java.util.Locale;

/** How an element operation ended, as its metrics' {@code result} tag records it. */
enum Outcome {
    /** The routers got the change (or the lifecycle operation ran). */
    APPLIED,
    /** The element handles the request but there was nothing to send: no routers, none Running, or an empty change. */
    SKIPPED,
    /** Not the element's business: another provider's service, a VPC network, a system VM. */
    NOT_HANDLED,
    /** An exception left the operation. */
    FAILED;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
