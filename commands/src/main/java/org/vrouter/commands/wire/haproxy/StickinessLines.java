package org.vrouter.commands.wire.haproxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.commands.to.AppCookieStickinessTO;
import org.vrouter.commands.to.LbCookieStickinessTO;
import org.vrouter.commands.to.LbDestinationTO;
import org.vrouter.commands.to.LbStickinessPolicyTO;
import org.vrouter.commands.to.LoadBalancerTO;
import org.vrouter.commands.to.SourceStickinessTO;

/**
 * The haproxy lines of a stickiness policy, placed after the {@code server} lines as CloudStack
 * does, and the {@code cookie} suffix of each server line.
 *
 * <ul>
 *   <li>LbCookie: {@code cookie <name> <mode> [indirect] [nocache] [postonly] [domain d]...} as
 *       CloudStack, single-spaced; servers get {@code cookie <ip with _>-<port>}.</li>
 *   <li>Source: {@code stick-table type ip size <size> expire <expire>} and {@code stick on src}
 *       as CloudStack; a {@code g} table size is written in {@code m} because haproxy 2.6 only
 *       knows {@code k} and {@code m} there.</li>
 *   <li>AppCookie: CloudStack writes {@code appsession <name> len <n> timeout <t> [prefix]
 *       [request-learn] [mode m]}, which haproxy rejects since 1.6. Here: {@code stick-table type
 *       string len <n> size 200k expire <t>}, {@code stick on req.cook(<name>)}, {@code stick on
 *       urlp(<name>,;)} (path-parameters, appsession's default) or {@code urlp(<name>)}
 *       (query-string), {@code stick store-response res.cook(<name>)} and, for request-learn,
 *       {@code stick store-request req.cook(<name>)}. {@code prefix} has no equivalent and matches
 *       the exact name. Servers get no cookie suffix (the table, not a cookie, names the server).</li>
 * </ul>
 */
final class StickinessLines {
    static final String APP_COOKIE_TABLE_SIZE = "200k";

    private StickinessLines() {}

    /** Whether the policy needs {@code mode http}. */
    static boolean isHttpBased(LbStickinessPolicyTO policy) {
        return !(policy instanceof SourceStickinessTO);
    }

    /** The suffix after {@code check ...} on a server line; empty when the servers carry no cookie. */
    static String serverSuffix(LbStickinessPolicyTO policy, LbDestinationTO destination) {
        if (policy instanceof LbCookieStickinessTO) {
            return " cookie " + destination.ip().value().replace('.', '_') + "-" + destination.port();
        }
        return "";
    }

    static List<String> lines(LbStickinessPolicyTO policy, LoadBalancerTO lb) {
        if (policy instanceof LbCookieStickinessTO cookie) {
            return List.of(lbCookie(cookie, lb));
        }
        if (policy instanceof AppCookieStickinessTO appCookie) {
            return appCookie(appCookie, lb);
        }
        SourceStickinessTO source = (SourceStickinessTO) policy;
        return List.of("\tstick-table type ip size " + tableSize(source.tableSize()) + " expire " + source.expire(), "\tstick on src");
    }

    private static String lbCookie(LbCookieStickinessTO cookie, LoadBalancerTO lb) {
        StringBuilder line = new StringBuilder("\tcookie ")
                .append(cookieName(cookie.cookieName(), "lbcooki_", lb))
                .append(' ').append(cookie.mode().wireName());
        if (cookie.indirect()) {
            line.append(" indirect");
        }
        if (cookie.nocache()) {
            line.append(" nocache");
        }
        if (cookie.postonly()) {
            line.append(" postonly");
        }
        cookie.domains().forEach(domain -> line.append(" domain ").append(domain));
        return line.toString();
    }

    private static List<String> appCookie(AppCookieStickinessTO appCookie, LoadBalancerTO lb) {
        String name = cookieName(appCookie.cookieName(), "appcookie_", lb);
        List<String> lines = new ArrayList<>();
        lines.add("\tstick-table type string len " + appCookie.length() + " size " + APP_COOKIE_TABLE_SIZE + " expire " + appCookie.holdTime());
        lines.add("\tstick on req.cook(" + name + ")");
        boolean queryString = appCookie.mode().filter(mode -> mode == AppCookieStickinessTO.Mode.QUERY_STRING).isPresent();
        lines.add(queryString ? "\tstick on urlp(" + name + ")" : "\tstick on urlp(" + name + ",;)");
        lines.add("\tstick store-response res.cook(" + name + ")");
        if (appCookie.requestLearn()) {
            lines.add("\tstick store-request req.cook(" + name + ")");
        }
        return lines;
    }

    /** CloudStack's derived name when none is given: {@code <prefix><String.hashCode of the source ip>_<port>}. */
    private static String cookieName(Optional<String> name, String prefix, LoadBalancerTO lb) {
        return name.orElseGet(() -> prefix + lb.sourceIp().value().hashCode() + "_" + lb.sourcePort());
    }

    private static String tableSize(String size) {
        if (size.endsWith("g")) {
            return Long.parseLong(size.substring(0, size.length() - 1)) * 1024 + "m";
        }
        return size;
    }
}
