package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The standard rules keep an address that names no person (a private network's, a link's, documentation's) and mask a
 * public one, which may be someone's home connection; at rest every address stays.
 */
class AddressesTest {

    private final Redactor redactor = Redactor.standard();

    @Test
    void privateAndReservedIpv4AddressesStay() {
        for (String address : new String[] {"10.0.4.12", "172.16.0.9", "172.31.255.254", "192.168.1.20", "100.64.3.7",
                "100.127.0.1", "169.254.169.254", "127.0.0.1", "0.0.0.0", "192.0.2.44", "198.51.100.7", "203.0.113.10",
                "198.18.0.5", "239.255.255.250", "255.255.255.255"}) {
            FormChecks.untouched(redactor, "Error: connect ECONNREFUSED " + address + ":5432");
        }
    }

    @Test
    void aPublicAddressGoesEvenBesideThePrivateRanges() {
        for (String address : new String[] {"81.2.69.160", "8.8.8.8", "172.15.0.9", "172.32.0.9", "192.169.0.1",
                "100.63.0.1", "100.128.0.1", "169.253.0.1", "192.0.3.1", "198.51.101.7", "203.0.114.10", "11.0.0.1",
                "126.255.0.1", "223.5.5.5"}) {
            FormChecks.gone(redactor, "client " + address + " - - \"GET /cart HTTP/1.1\" 500", address, "GET /cart");
        }
    }

    @Test
    void aNetworksOwnAddressOrAVersionEndingInZeroStays() {
        FormChecks.untouched(redactor, "SQL30082N ... DB2/LINUXX8664 11.5.9.0 on host db2-01");
        FormChecks.untouched(redactor, "route 81.2.69.0 via 10.0.0.1");
        FormChecks.gone(redactor, "route 81.2.69.1 via 10.0.0.1", "81.2.69.1", "via 10.0.0.1");
    }

    @Test
    void ipv6AddressesAreJudgedTheSameWay() {
        for (String address : new String[] {"::1", "fe80::1c2a:9ff:fe3b:1a2d", "fd12:3456:789a::1", "fc00::42",
                "2001:db8::8a2e:370:7334", "ff02::fb", "::ffff:10.0.0.5", "::ffff:172.18.0.5", "::ffff:a00:5"}) {
            FormChecks.untouched(redactor, "connect to [" + address + "]:443 refused");
        }
        for (String address : new String[] {"2a00:1450:4001:81c::200e", "2606:4700:4700::1111", "::ffff:81.2.69.160",
                "::ffff:5db8:d822", "2001:db9::1", "fec0::1"}) {
            FormChecks.gone(redactor, "connect to [" + address + "]:443 refused", address, "]:443 refused");
        }
    }

    @Test
    void atRestEveryAddressStays() {
        String text = "client 81.2.69.160 via 10.0.4.12 and 2a00:1450:4001:81c::200e";
        assertEquals(text, Redactor.atRest().redact(text));
        assertEquals("client [REDACTED_IP_ADDRESS] via 10.0.4.12 and [REDACTED_IP_ADDRESS]", redactor.redact(text));
    }
}
