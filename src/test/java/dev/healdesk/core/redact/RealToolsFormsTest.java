package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what leaked from real tools' output (realtools1, {@code
 * src/test/redaction-corpus/realtools.py}: curl, git, psql, mvn, node, … run here with generated secrets, its tune part
 * only): a value cut in two by curl's {@code --trace-ascii} dump ({@link TraceDumps}); a C++ qualified name after a
 * log's {@code [file.cc:207]} is no relay login ({@link ValuesBelow#relayLogin}); redis-server's echo of a
 * configuration line it cannot read ({@link SpacedProperties}).
 * Each on the tool's own lines (the tool and its version named in a comment, the values invented here), with
 * counter-examples that must be kept.
 */
class RealToolsFormsTest {

    private final Random random = new Random(14_2027L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    /**
     * A block of curl's {@code --trace-ascii} dump as curl 7.88.1 prints it ({@code lib/curl_trace.c}, {@code dump}
     * with {@code nohex}): the heading, then lines of {@code %04x: } and at most 64 bytes, a CRLF ending a line early
     * and left out, other control bytes as dots.
     */
    static String dump(String heading, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(heading).append(", ").append(b.length).append(" bytes (0x")
                .append(Integer.toHexString(b.length)).append(")\n");
        int width = 0x40;
        for (int i = 0; i < b.length; i += width) {
            out.append(String.format("%04x: ", i));
            for (int c = 0; c < width && i + c < b.length; c++) {
                if (i + c + 1 < b.length && b[i + c] == 0x0D && b[i + c + 1] == 0x0A) {
                    i += c + 2 - width;
                    break;
                }
                out.append(b[i + c] >= 0x20 && b[i + c] < 0x7F ? (char) b[i + c] : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static final String CONNECTED = "== Info:   Trying 127.0.0.1:8443...\n"
            + "== Info: Connected to auth.internal (127.0.0.1) port 8443 (#0)\n";

    @Test
    void theDumpHelperCutsAsCurlDoes() {
        // curl 7.88.1 --trace-ascii -, the real block of realtools' form scenario (values invented)
        String real = "=> Send data, 105 bytes (0x69)\n"
                + "0000: grant_type=client_credentials&client_id=app-430403&client_secret\n"
                + "0040: =c3bb8213c0773211576bf8deca076a6bf8f42dab\n";
        assertEquals(real, dump("=> Send data", "grant_type=client_credentials&client_id=app-430403"
                + "&client_secret=c3bb8213c0773211576bf8deca076a6bf8f42dab"));
        assertEquals("<= Recv header, 27 bytes (0x1b)\n0000: HTTP/1.1 401 Unauthorized\n",
                dump("<= Recv header", "HTTP/1.1 401 Unauthorized\r\n"));
        assertEquals("=> Send header, 41 bytes (0x29)\n0000: GET /x HTTP/1.1\n0011: Host: 127.0.0.1:8443\n0027: \n",
                dump("=> Send header", "GET /x HTTP/1.1\r\nHost: 127.0.0.1:8443\r\n\r\n"));
    }

    @Test
    void aFormBodysLabelCutFromItsValueStillNamesIt() {
        for (int k = 0; k < 6; k++) {
            String secret = FormChecks.hex(random, 40);
            String id = "app-" + FormChecks.digits(random, 6, '1', 9);
            // curl 7.88.1 --trace-ascii: the 64-byte cut falls right after "client_secret"
            String text = CONNECTED + dump("=> Send data", "grant_type=client_credentials&client_id=" + id
                    + "&client_secret=" + secret) + "<= Recv header, 27 bytes (0x1b)\n0000: HTTP/1.1 401 Unauthorized\n";
            for (Redactor r : new Redactor[] {redactor, atRest}) {
                FormChecks.gone(r, text, secret, "0000: grant_type=client_credentials&client_id=" + id
                        + "&client_secret\n0040: =", "=> Send data, ", "HTTP/1.1 401 Unauthorized", "port 8443");
            }
        }
    }

    @Test
    void aValueCutAnywhereGoesOnBothLines() {
        for (int shift = 0; shift < 40; shift++) {
            String pw = FormChecks.token(random, 12) + "!" + FormChecks.digits(random, 3, '1', 9);
            String lead = "page=" + "x".repeat(shift) + "&";
            String body = lead + "username=ci-bot&password=" + pw + "&grant_type=password";
            String out = redactor.redact(CONNECTED + dump("=> Send data", body));
            for (int a = 0; a + 5 <= pw.length(); a++) {
                String piece = pw.substring(a, a + 5);
                assertFalse(out.contains(piece), () -> "leaks " + piece + " of " + pw + " in:\n" + out);
            }
            assertTrue(out.contains("0000: " + lead.substring(0, Math.min(lead.length(), 64))), out);
            assertEquals(dump("=> Send data", body).split("\n").length + 2, out.split("\n").length, out);
        }
    }

    @Test
    void aLongHeaderGoesOnPastTheCut() {
        for (int k = 0; k < 6; k++) {
            // curl 7.88.1 --trace-ascii -H 'Authorization: Bearer …' with a JWT: the header is cut at 64 bytes
            String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiJjaS0" + FormChecks.token(random, 40)
                    + "." + FormChecks.token(random, 43);
            String sent = "GET /userinfo HTTP/1.1\r\nHost: auth.internal:8443\r\nUser-Agent: curl/7.88.1\r\n"
                    + "Accept: */*\r\nAuthorization: Bearer " + jwt + "\r\n\r\n";
            String text = CONNECTED + dump("=> Send header", sent);
            String tail = jwt.substring(jwt.length() - 20);
            for (Redactor r : new Redactor[] {redactor, atRest}) {
                FormChecks.gone(r, text, tail, "Authorization: Bearer ", "Host: auth.internal:8443",
                        "User-Agent: curl/7.88.1", "GET /userinfo HTTP/1.1");
            }
        }
    }

    @Test
    void ordinaryBodiesAndHeadersCutByTheDumpStay() {
        // a long request line and a JSON body, cut at 64 bytes, hold nothing to take
        String sent = "GET /search?q=kittens&page=2&sort=desc&lang=en&per_page=50&include=author,comments&fields=id"
                + " HTTP/1.1\r\nHost: api.example.com\r\nAccept: application/json\r\nContent-Length: 0\r\n\r\n";
        String body = "{\"items\":[{\"id\":17,\"name\":\"build-cache\",\"size\":1048576}],\"next_page\":"
                + "\"/v1/items?page=2\",\"total_count\":1234,\"request_id\":\"req-20240601-7\"}";
        String text = CONNECTED + dump("=> Send header", sent) + dump("<= Recv data", body)
                + "== Info: Connection #0 to host api.example.com left intact\n";
        FormChecks.untouched(redactor, text);
        FormChecks.untouched(atRest, text);
    }

    // a qualified name after a log's [file.cc:line] prefix is no relay's user:password

    @Test
    void aQualifiedNameAfterASourceFilePrefixIsNoLogin() {
        // chromium --headless --enable-logging=stderr --v=1 (Chromium 156.0), its own lines: [pid:tid:MMDD/HHMMSS.us:LEVEL:file:line]
        String text = "[3265:3265:1207/224627.512155:VERBOSE1:components/signin/core/browser/account_reconcilor.cc:145]"
                + " AccountReconcilor::AccountReconcilor\n"
                + "[3265:3265:1207/224630.068196:VERBOSE1:components/signin/core/browser/account_reconcilor.cc:207]"
                + " AccountReconcilor::Shutdown\n"
                + "[3265:3265:1207/224630.069033:VERBOSE1:components/signin/internal/identity_manager/"
                + "mutable_profile_oauth2_token_service_delegate.cc:370] MutablePO2TS::~MutablePO2TS\n"
                + "[7:7:0601/101500.000001:INFO:render_frame_host_impl.cc:88] FrameTree::Shutdown\n";
        FormChecks.untouched(redactor, text);
        FormChecks.untouched(atRest, text);
        // glog's and Chromium's shorter prefixes
        FormChecks.untouched(redactor, "[bar.cc:207] Widget::Paint2\n[main.cc] std::vector_base\n");
    }

    @Test
    void aRelaysLoginStillGoes() {
        for (int k = 0; k < 6; k++) {
            String pw = FormChecks.token(random, 10) + "#" + FormChecks.digits(random, 3, '1', 9);
            // Postfix sasl_passwd: [relay]:port user:password, the line the relay form was written for
            FormChecks.gone(redactor, "[smtp.example.com]:587 mailer@example.com:" + pw + "\n", pw,
                    "[smtp.example.com]:587");
            FormChecks.gone(redactor, "[mail.example.org] relay:" + pw + "\n", pw, "[mail.example.org] relay:");
            // one colon and a password that is no identifier: still a login
            String odd = "Ab1" + FormChecks.token(random, 6) + "!";
            FormChecks.gone(redactor, "[mail.example.org] relay:" + odd + "\n", odd, "relay:");
        }
    }

    // redis-server echoes the configuration line it cannot read

    @Test
    void aRequirepassLineRedisEchoesGoesWhateverFollowsIt() {
        for (int k = 0; k < 8; k++) {
            // password shapes that no other rule takes alone: letters, digits, a dot and a dash
            String pw = FormChecks.token(random, 3) + "." + FormChecks.token(random, 2) + "-" + FormChecks.token(random, 14);
            // redis-server 7.0.15 bad.conf, its own lines (values invented)
            String text = "\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file, at line 2\n"
                    + ">>> 'requirepass " + pw + " extra'\nBad directive or wrong number of arguments\n";
            for (Redactor r : new Redactor[] {redactor, atRest}) {
                FormChecks.gone(r, text, pw, ">>> 'requirepass ", " extra'", "at line 2", "FATAL CONFIG FILE ERROR");
            }
            FormChecks.gone(redactor, ">>> 'masterauth " + pw + "'\n", pw, ">>> 'masterauth ", "'\n");
            FormChecks.gone(redactor, ">>> 'masterauth \"" + pw + "\"'\n", pw, ">>> 'masterauth \"");
        }
    }

    @Test
    void otherEchoedLinesAndPlaceholdersStay() {
        for (String line : new String[] {">>> 'port 6379 extra'", ">>> 'bind 127.0.0.1 -::1 extra'", ">>> 'requirepass'",
                ">>> 'requirepass ${REDIS_PASSWORD} extra'", ">>> 'save 900 1 x'", ">>> print('requirepass is a directive')"}) {
            FormChecks.untouched(redactor, "Reading the configuration file, at line 3\n" + line + "\n");
        }
    }

    /**
     * botocore's debug log ({@code aws --debug}, awscli 2.x) prints the string it signs below a record of its
     * {@code botocore.auth} logger: the algorithm, the time, the scope, the canonical request's hash; no secret, and the
     * algorithm's name then stands in every signed request's {@code Authorization} header. "X to V" names X
     * ({@link KeyNames}: StringToSign is a string), and a logger's dotted name in a record's prefix is no label
     * ({@link ValuesBelow}); what a name says is a secret below such a record still goes.
     */
    @Test
    void theStringBotocoreSignsAndItsLoggersNameAreNoSecrets() {
        String prefix = "2024-06-11 09:14:02,118 - MainThread - botocore.auth - DEBUG - ";
        String block = prefix + "StringToSign:\nAWS4-HMAC-SHA256\n20240611T091402Z\n20240611/eu-west-1/s3/aws4_request\n"
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n"
                + "2024-06-11 09:14:02,120 - MainThread - botocore.endpoint - DEBUG - Sending http request: "
                + "<AWSPreparedRequest headers={'Authorization': b'AWS4-HMAC-SHA256 Credential=";
        String out = redactor.redact(block + "AKIA" + FormChecks.token(random, 16).toUpperCase() + "/20240611/eu-west-1/s3/aws4_request'}>");
        assertTrue(out.startsWith(block), out);
        // the verb after "to" names nothing; the thing before it still does
        for (int k = 0; k < 4; k++) {
            String token = FormChecks.token(random, 24);
            FormChecks.gone(redactor, "token_to_revoke=" + token, token, "token_to_revoke=");
            FormChecks.gone(redactor, "  passwordToCheck: \"" + token + "\"", token, "passwordToCheck: \"");
            FormChecks.gone(redactor, prefix + "Your new token:\n" + token + "\n", token, "botocore.auth - DEBUG - ");
        }
        FormChecks.untouched(redactor, "path_to_key=/etc/ssl/private/server.key");
        FormChecks.untouched(redactor, "bytes_to_sign: 4f2a9c71e0b3d8a5f6c1e2d3b4a59687");
    }
}
