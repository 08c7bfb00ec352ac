package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * Secrets whose only sign is their place (redact53, issue #14): a password or token given to a command-line tool by a
 * short flag that means it to that tool only ({@code honeymarker -k KEY}, {@code security unlock-keychain -p PASS}),
 * by position ({@code cargo login TOKEN}, {@code cf auth USER PASS}) or piped in on standard input
 * ({@code echo … | docker secret create NAME -}), from the rows of {@code token-rules.json} learnt from each tool's
 * manual. Each on lines written for this test, the values drawn here: a password of small letters and digits that no
 * shape or entropy bar would take, a token of letters and digits. The counter-examples are the same tools' other
 * flags and arguments (a type, a scheme, a keychain's path, a salt, a registry's name) and the phrases said in a
 * sentence, which must come through as they are. Then a credential that is a URL's path segment, after the segment
 * that names it ({@code /receiver/v1/http/<token>}, {@code /hooks/<id>}) or first on the hosts whose path is the
 * secret ({@code hc-ping.com/<uuid>}), from the services' documented URL forms, with the ids, hashes and names that no
 * marker names (a commit's hash, a resource's UUID, an asset's hash) kept.
 */
class PlaceFormsTest {

    private final Random random = new Random(53_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    /** A password as people choose them: small letters then two digits, nothing a shape would take. */
    private String password() {
        StringBuilder b = new StringBuilder();
        int n = 6 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.append(FormChecks.digits(random, 2, '1', 9)).toString();
    }

    private void gone(String line, String secret, String... kept) {
        FormChecks.gone(redactor, line, secret, kept);
        FormChecks.gone(atRest, line, secret, kept);
    }

    @Test
    void aShortFlagThatMeansThePasswordToItsToolGoes() {
        for (int k = 0; k < 3; k++) {
            String p = password();
            String t = FormChecks.token(random, 16 + k);
            gone("+ honeymarker -k " + t + " -d prod add -t deploy", t, "-t deploy", "-d prod");
            gone("+ honeytail -k " + t + " -d prod --parser=json -f /var/log/app.log", t, "--parser=json");
            gone("+ doctl compute droplet list -t " + t + " --format ID", t, "--format ID");
            gone("+ anaconda -t " + t + " upload dist/pkg-1.0.tar.bz2", t, "upload dist/pkg-1.0.tar.bz2");
            gone("+ influx write -t " + t + " -b metrics -o acme 'cpu v=1'", t, "-b metrics");
            gone("+ influx setup -u admin -p " + p + " -o acme -b metrics -f", p, "-u admin");
            gone("+ twine upload -u ci -p " + p + " dist/*", p, "dist/*");
            gone("+ expo login -u builder -p " + p, p, "-u builder");
            gone("+ ibmcloud login -u ci@acme.example -p " + p + " -r eu-de", p, "-r eu-de");
            gone("+ yt-dlp -u ci -p " + p + " https://video.example/v/1", p, "https://video.example/v/1");
            gone("+ openfortivpn vpn.acme.example:443 -u ci -p " + p, p, "vpn.acme.example:443");
            gone("+ ncftp -u ci -p " + p + " ftp.acme.example", p, "ftp.acme.example");
            gone("+ rdesktop -u ci -p " + p + " win01", p, "win01");
            gone("+ bin/elasticsearch-users useradd ci -p " + p + " -r superuser", p, "-r superuser");
            gone("+ iTMSTransporter -m upload -u ci@acme.example -p " + p + " -f app.itmsp", p, "-f app.itmsp");
        }
    }

    @Test
    void aDatabaseOrDirectoryClientsPasswordFlagGoes() {
        for (int k = 0; k < 3; k++) {
            String p = password();
            gone("+ couchbase-cli server-list -c db01:8091 -u Administrator -p " + p, p, "-u Administrator");
            gone("+ cbq -e http://db01:8091 -u Administrator -p " + p, p, "http://db01:8091");
            gone("+ cbbackupmgr backup -a /backup -r nightly -c db01 -u Administrator -p " + p, p, "-r nightly");
            gone("+ hdbsql -n hana01:30015 -u SYSTEM -p " + p + " \"select 1 from dummy\"", p, "hana01:30015");
            gone("+ beeline -u jdbc:hive2://hive01:10000 -n ci -p " + p, p, "-n ci");
            gone("+ mydumper -u root -p " + p + " -o /backup", p, "-o /backup");
            gone("+ mongostat -u admin -p " + p + " --authenticationDatabase admin", p, "--authenticationDatabase");
            gone("+ mysqlshow -u root -p" + p + " shop", p, "-u root", "shop");
            gone("+ mysqlbinlog -u root -p" + p + " --read-from-remote-server binlog.000042", p, "binlog.000042");
            gone("+ tsql -S sql01 -U sa -P " + p, p, "-S sql01");
            gone("+ sqsh -S sql01 -U sa -P " + p + " -D shop", p, "-D shop");
            gone("+ p4 -u ci -P " + p + " sync //depot/main/...", p, "//depot/main/...");
            gone("+ vsql -h vertica01 -U dbadmin -w " + p, p, "-U dbadmin");
            gone("+ nzsql -u admin -pw " + p + " -d shop", p, "-d shop");
            gone("+ nodetool -u cassandra -pw " + p + " status", p, "status");
            gone("+ dsconf -D \"cn=Directory Manager\" -w " + p + " ldap://ldap01 backend suffix list", p,
                    "ldap://ldap01");
            gone("+ kadmin -p admin/admin -w " + p + " -q listprincs", p, "admin/admin");
            gone("+ kadmin.local -q \"addprinc -pw " + p + " ci\"", p, "addprinc");
            gone("+ ipa-client-install --domain acme.example -p admin -w " + p + " -U", p, "--domain acme.example");
            gone("+ ipa-server-install -r ACME.EXAMPLE -p " + p + " -a " + p + "x -U", p, "ACME.EXAMPLE");
            gone("+ /usr/lib/nagios/plugins/check_mysql -H db01 -u nagios -p " + p, p, "-u nagios");
            gone("+ check_ldap -H ldap01 -b dc=acme -D cn=monitor -P " + p, p, "cn=monitor");
        }
    }

    @Test
    void signingAndArchivePasswordsGo() {
        for (int k = 0; k < 3; k++) {
            String p = password();
            gone("+ security unlock-keychain -p " + p + " build.keychain", p, "build.keychain");
            gone("+ security create-keychain -p " + p + " build.keychain", p, "build.keychain");
            gone("+ security import cert.p12 -k build.keychain -P " + p + " -T /usr/bin/codesign", p,
                    "-k build.keychain", "/usr/bin/codesign");
            gone("+ security add-generic-password -a ci -s deploy -w " + p, p, "-s deploy");
            gone("+ security set-key-partition-list -S apple-tool:,apple: -s -k " + p + " build.keychain", p,
                    "apple-tool:,apple:", "build.keychain");
            gone("+ ssh-keygen -p -P " + p + " -N " + p + "z -f deploy_key", p, "deploy_key");
            gone("+ rar x -p" + p + " bundle.rar", p, "bundle.rar");
            gone("+ unrar x -p" + p + " bundle.rar", p, "bundle.rar");
            gone("+ openssl enc -d -aes-256-cbc -k " + p + " -in a.enc -out a", p, "-in a.enc");
            gone("+ pdftotext -upw " + p + " statement.pdf", p, "statement.pdf");
            gone("+ mutool draw -p " + p + " -o page.png statement.pdf", p, "page.png");
            gone("+ veracrypt -t -p " + p + " --mount vault.hc /mnt/v", p, "vault.hc");
            gone("+ slappasswd -s " + p, p, "slappasswd");
            gone("+ doveadm pw -s SHA512-CRYPT -p " + p, p, "SHA512-CRYPT");
            gone("+ pscp -pw " + p + " build.zip ci@host01:/tmp", p, "build.zip");
            gone("+ psexec \\\\win01 -u acme\\ci -p " + p + " cmd", p, "\\\\win01");
            gone("+ useradd -m -p " + p + " ci", p, "useradd -m");
        }
    }

    @Test
    void userAndPasswordPairsGoAndOnlyThePassword() {
        for (int k = 0; k < 3; k++) {
            String p = password();
            gone("+ transmission-remote -n ci:" + p + " -l", p, "-n ci:");
            gone("+ check_http -H www.acme.example -a monitor:" + p, p, "-a monitor:");
            gone("+ ab -n 100 -c 10 -A ci:" + p + " https://www.acme.example/", p, "-A ci:", "-n 100");
            gone("+ etcdctl --user root:" + p + " get /config", p, "--user root:");
        }
    }

    @Test
    void aTokenOrPasswordGivenByPositionGoes() {
        for (int k = 0; k < 3; k++) {
            String p = password();
            String t = FormChecks.token(random, 20 + k);
            gone("+ cargo login " + t, t, "cargo login");
            gone("+ cargo login --registry acme " + t, t, "--registry acme");
            gone("+ snyk auth " + t, t, "snyk auth");
            gone("+ vault login " + t, t, "vault login");
            gone("+ nuget setapikey " + t + " -Source https://nuget.acme.example/v3/index.json", t, "-Source");
            gone("+ cf auth ci " + p, p, "cf auth ci");
            gone("+ bw login ci@acme.example " + p, p, "ci@acme.example");
            gone("+ bw unlock " + p + " --raw", p, "--raw");
            gone("+ drush upwd admin " + p, p, "upwd admin");
            gone("+ drush user:password admin " + p, p, "user:password admin");
            gone("+ b2 authorize-account 0012ab34cd56 " + t, t, "0012ab34cd56");
            gone("+ grafana cli admin reset-admin-password " + p, p, "reset-admin-password");
            gone("+ rclone obscure " + p, p, "rclone obscure");
            gone("+ ejabberdctl register ci chat.acme.example " + p, p, "chat.acme.example");
            gone("+ prosodyctl register ci chat.acme.example " + p, p, "chat.acme.example");
            gone("+ hdbuserstore SET BACKUP hana01:30015 SYSTEM " + p, p, "hana01:30015 SYSTEM");
            gone("+ openssl passwd -6 " + p, p, "passwd -6");
            gone("+ openssl passwd -1 -salt xyz " + p, p, "-salt xyz");
            gone("+ wpa_passphrase office " + p, p, "office");
        }
    }

    @Test
    void aSecretPipedIntoACommandThatReadsItFromStandardInputGoes() {
        for (int k = 0; k < 3; k++) {
            String p = password();
            gone("+ echo " + p + " | docker secret create db_pass -", p, "db_pass");
            gone("+ printf '%s' " + p + " | npx wrangler secret put API_KEY", p, "API_KEY");
            gone("+ echo -n " + p + " | gh secret set DB_PASSWORD", p, "gh secret set");
            gone("+ echo -n " + p + " | kubectl create secret generic db --from-file=password=/dev/stdin", p,
                    "generic db");
            gone("+ echo " + p + " | circleci context store-secret github acme deploy DB_PASS", p, "DB_PASS");
            gone("+ echo " + p + " | vercel env add API_KEY production", p, "production");
            gone("+ echo -n " + p + " | firebase functions:secrets:set API_KEY", p, "API_KEY");
            gone("+ echo " + p + " | smbpasswd -s -a ci", p, "-a ci");
            gone("+ echo " + p + " | openconnect --passwd-on-stdin -u ci vpn.acme.example", p, "vpn.acme.example");
            gone("+ echo " + p + " | gh auth login --with-token", p, "--with-token");
            gone("+ echo " + p + " | realm join -U admin acme.example", p, "acme.example");
            gone("+ echo " + p + " | bin/elasticsearch-keystore add -x bootstrap.password", p, "bootstrap.password");
            gone("+ echo " + p + " | htpasswd -i /etc/nginx/.htpasswd ci", p, "/etc/nginx/.htpasswd");
        }
    }

    @Test
    void theSameToolsOtherFlagsAndArgumentsStay() {
        // a flag whose letter means something else to the tool: a type, a scheme, a keychain, a preserve switch
        FormChecks.untouched(redactor, "+ honeymarker -d prod add -t deploy -m \"release 4.2\"");
        FormChecks.untouched(redactor, "+ doveadm pw -s SHA512-CRYPT");
        FormChecks.untouched(redactor, "+ security import cert.p12 -k build.keychain -T /usr/bin/codesign");
        FormChecks.untouched(redactor, "+ security find-generic-password -a ci -s deploy -w");
        FormChecks.untouched(redactor, "+ pscp -p build.zip ci@host01:/tmp");
        FormChecks.untouched(redactor, "+ transmission-remote -a http://torrents.acme.example/x.torrent");
        FormChecks.untouched(redactor, "+ ab -n 100 -c 10 https://www.acme.example/");
        FormChecks.untouched(redactor, "+ pdftotext -layout statement.pdf");
        FormChecks.untouched(redactor, "+ mutool show statement.pdf trailer");
        FormChecks.untouched(redactor, "+ influx query -o acme 'from(bucket:\"metrics\")'");
        FormChecks.untouched(redactor, "+ git log -p HEAD~3");
        // a mode without a password argument, a variable's name, an empty passphrase
        FormChecks.untouched(redactor, "+ openssl passwd -6 -in passwords.txt");
        FormChecks.untouched(redactor, "+ openssl passwd -stdin < passwords.txt");
        FormChecks.untouched(redactor, "+ vault login -method=userpass username=ci");
        FormChecks.untouched(redactor, "+ twine upload -p $TWINE_PASSWORD dist/*");
        FormChecks.untouched(redactor, "+ ssh-keygen -t ed25519 -N \"\" -f deploy_key");
        FormChecks.untouched(redactor, "+ echo $DB_PASSWORD | docker secret create db_pass -");
        FormChecks.untouched(redactor, "+ hdbuserstore LIST");
    }

    @Test
    void thePhrasesSaidInASentenceStay() {
        FormChecks.untouched(redactor, "Run bw unlock to get a session key.");
        FormChecks.untouched(redactor, "then cargo login with your token");
        FormChecks.untouched(redactor, "vault login failed: permission denied");
        FormChecks.untouched(redactor, "snyk auth is needed first");
        FormChecks.untouched(redactor, "the b2 authorize-account step failed");
        FormChecks.untouched(redactor, "Please run rclone obscure on it");
        FormChecks.untouched(atRest, "cf auth admin and then cf push");
    }

    /** A generated path segment: letters and digits, {@code n} of them, a letter and a digit sure to be among them. */
    private String segment(int n) {
        return "a1" + FormChecks.token(random, n - 2);
    }

    private String uuid() {
        String h = FormChecks.hex(random, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-8" + h.substring(17, 20)
                + "-" + h.substring(20);
    }

    @Test
    void aCredentialThatIsAUrlsPathSegmentGoesAfterTheSegmentThatNamesIt() {
        for (int k = 0; k < 3; k++) {
            String t = segment(24 + k);
            String u = uuid();
            String h = FormChecks.hex(random, 24);
            gone("POST https://endpoint4.collection.us2.sumologic.com/receiver/v1/http/" + t + segment(120) + "==",
                    t, "/receiver/v1/http/");
            gone("POST https://alert.victorops.com/integrations/generic/20131114/alert/" + u + "/prod-routing", u,
                    "/alert/", "/prod-routing");
            gone("POST https://logs-01.loggly.com/inputs/" + u + "/tag/http/", u, "/inputs/", "/tag/http/");
            gone("POST https://logs-01.loggly.com/bulk/" + u + "/tag/bulk/", u, "/bulk/");
            gone("POST https://events.pagerduty.com/integration/" + FormChecks.hexAfterA1(random, 32) + "/enqueue",
                    "/integration/a1", "/enqueue");
            gone("GET https://uptime.betterstack.com/api/v1/heartbeat/" + t, t, "/api/v1/heartbeat/");
            gone("GET https://hc.acme.example/ping/" + u + "/fail", u, "/ping/", "/fail");
            gone("POST https://api.vercel.com/v1/integrations/deploy/prj_" + t + "/" + "Ab3d" + h.substring(0, 6), "Ab3d"
                    + h.substring(0, 6), "prj_" + t);
            gone("POST https://oncall.acme.example/integrations/v1/alertmanager/" + t + "/", t, "/alertmanager/");
            gone("conda install -c https://conda.anaconda.org/t/ab-" + u + "/acme pkg", u, "/acme pkg");
            gone("POST https://chat.acme.example/hooks/" + segment(26), "/hooks/a1");
            gone("POST https://rocket.acme.example/hooks/" + segment(17) + "/" + segment(40), "/hooks/a1");
            gone("POST https://n8n.acme.example/webhook/" + u, u, "n8n.acme.example");
            gone("POST https://open.feishu.cn/open-apis/bot/v2/hook/" + u, u, "/bot/v2/hook/");
            gone("GET https://maker.example/with/key/" + t, t, "/with/key/");
            gone("GET https://status.acme.example/api/token/" + t + "/verify", t, "/verify");
        }
    }

    @Test
    void onTheHostsWhosePathIsTheSecretTheFirstSegmentGoes() {
        for (int k = 0; k < 3; k++) {
            String u = uuid();
            String t = segment(22);
            gone("GET https://hc-ping.com/" + u, u, "https://hc-ping.com/");
            gone("GET https://hc-ping.com/" + t + "/db-backup", t, "/db-backup");
            gone("GET https://nosnch.in/" + FormChecks.hexAfterA1(random, 10), "nosnch.in/a1");
            gone("POST https://webhook.site/" + u, u, "webhook.site");
            gone("POST https://trigger.macrodroid.com/" + u + "/deploy", u, "/deploy");
            gone("POST https://hook.eu1.make.com/" + FormChecks.hexAfterA1(random, 32), "make.com/a1");
        }
    }

    @Test
    void idsHashesAndNamesInPathsThatNoMarkerNamesStay() {
        String u = uuid();
        String sha = FormChecks.hexAfterA1(random, 40);
        // a commit's hash, a resource's UUID, a run's id, an asset's content hash, a request id, an S3 key
        FormChecks.untouched(redactor, "GET https://github.com/acme/shop/commit/" + sha);
        FormChecks.untouched(redactor, "GET https://github.com/acme/shop/tree/" + sha + "/src");
        FormChecks.untouched(redactor, "GET https://api.acme.example/v2/users/" + u + "/orders");
        FormChecks.untouched(redactor, "GET https://ci.acme.example/api/runs/" + u);
        FormChecks.untouched(redactor, "GET https://cdn.acme.example/static/js/main.3f2a9c1b.js");
        FormChecks.untouched(redactor, "GET https://bucket.s3.amazonaws.com/uploads/2024/" + u + ".png");
        // a build hook's URL, which an outside measure keeps as a configuration value (Netlify's /build_hooks/<id>)
        FormChecks.untouched(redactor, "POST https://api.netlify.com/build_hooks/" + FormChecks.hexAfterA1(random, 24));
        // a marker followed by a word, a hook's name, a short code; the hosts' other paths
        FormChecks.untouched(redactor, "POST https://git.acme.example/api/v4/projects/42/hooks/pre-receive");
        FormChecks.untouched(redactor, "POST https://ci.acme.example/webhooks/github");
        FormChecks.untouched(redactor, "POST https://auth.acme.example/oauth/token/refresh");
        FormChecks.untouched(redactor, "GET https://hc-ping.com/docs/api");
        FormChecks.untouched(redactor, "GET https://www.make.com/en/pricing");
        FormChecks.untouched(redactor, "GET https://www.loggly.com/docs/inputs/overview/");
        // a marker that holds on its hosts only: /t/ and /inputs/ elsewhere are paths
        FormChecks.untouched(redactor, "GET https://shop.acme.example/t/" + u + "/summary");
        FormChecks.untouched(redactor, "GET https://api.acme.example/inputs/" + u);
    }
}
