package dev.healdesk.core.redact;

/**
 * Values under telling key names, wherever a key meets its value: {@code password=…}, {@code "apiKey": "…"},
 * {@code \"token\":\"…\"} inside an escaped JSON string, {@code ?access_token=…&}, {@code X-Api-Key: …},
 * {@code Cookie: a=…; b=…}, {@code Authorization: Basic …}, a subscript ({@code [password]=…}, {@code user[password]=…},
 * print_r's {@code [password] => …}, var_dump's {@code ["password"]=>} and {@code string(7) "…"} on the next line) and a
 * mapping arrow ({@code "api_key" -> "…"}; not a member chain such as {@code $user->password->hash}). Triggered by
 * {@code =}, {@code :} and the {@code >} of {@code ->}; the key is
 * read backwards from there and judged by {@link KeyNames}, and only its value is replaced, so the text keeps
 * saying which setting leaked. A bare {@code key: value} (no quotes) counts only where a key can start, not
 * after a word, so that prose such as "Invalid password: too short" stays; {@code Key:value} with no blank
 * counts anywhere (Go's {@code %+v}: {@code {User:app Password:…}}).
 *
 * A {@code value} names its secret through its sibling {@code name} ({@link NameValuePairs}: cookies in
 * storage-state files and JavaScript objects). Command-line arguments without {@code =} are {@link CommandLines}',
 * values typed into forms {@link Fills}'.
 */
final class KeyValues extends Detector {

    /**
     * Words before a bare "key" that say it is a credential's ({@code Orders API key=…}, {@code secret key: …}), as
     * {@link NamedValues} counts a bare key only after them: its hex value goes as a generated key's would.
     */
    private static final String[] CREDENTIAL_KEY_WORDS = {"api", "access", "secret", "private", "signing"};

    /** Set-Cookie attributes: what follows them is not a cookie. */
    private static final String[] COOKIE_ATTRIBUTES = {"path", "domain", "expires", "max-age", "samesite",
            "secure", "httponly", "priority", "partitioned", "version", "comment"};

    @Override
    public int at(Scan scan, int sep) {
        String s = scan.text;
        if (!separator(s, sep)) {
            return sep + 1;
        }
        // k -> v (Scala and Groovy maps, logs that print a mapping): triggered at the '>', the key ends before the '-'
        boolean thinArrow = s.charAt(sep) == '>';
        if (thinArrow) {
            sep--;
        }
        boolean arrow = thinArrow || s.charAt(sep) == '=' && sep + 1 < s.length() && s.charAt(sep + 1) == '>';   // Ruby, PHP: =>
        boolean colon = s.charAt(sep) == ':' || thinArrow;   // a separator prose uses too ("password: too short")
        int sepEnd = arrow ? sep + 2 : sep + 1;
        int k = sep - 1;
        if (k >= 0 && s.charAt(k) == ':' && s.charAt(sep) == '=') {
            k--;   // Go, Pascal: password := "…"
        }
        // names aligned in a column before their separator, as Terraform plans and CLIs print them
        while (k >= 0 && sep - k <= 32 && Chars.blank(s.charAt(k))) {
            k--;
        }
        // [password]=…, [password] => … (print_r), user[password]=…, $_POST['password'] = …, ["password"]=> (var_dump)
        boolean bracketed = k > 0 && s.charAt(k) == ']' && !thinArrow;
        if (bracketed) {
            k--;
        }
        // a variable's reference as the name, as Robot Framework logs an assignment: ${API_TOKEN} = …
        boolean braced = !bracketed && k > 1 && s.charAt(k) == '}' && !thinArrow;
        if (braced) {
            k--;
        }
        boolean parenthesised = k > 0 && s.charAt(k) == ')' && s.charAt(sep) == '=' && sep + 1 < s.length()
                && s.charAt(sep + 1) == '(';
        if (parenthesised) {
            k--;   // PostgreSQL's DETAIL: Key (ssn)=(123456789) already exists.
        }
        boolean quoted = k >= 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'');
        int keyEscapes = 0;
        if (quoted) {
            k--;
            while (k >= 0 && s.charAt(k) == '\\') {
                k--;   // \"key\": JSON in a JSON string; \\\"key\\\": in a string inside that (mochawesome's context)
                keyEscapes++;
            }
        }
        // a form's nested key quoted whole, as a dict of a form body prints it: 'card[cvc]': '…' (Stripe's and Rack's
        // bracketed names), "payment_method_data[card][cvc]": …; the name is the last subscript
        boolean quotedSubscript = quoted && !bracketed && k > 0 && s.charAt(k) == ']';
        if (quotedSubscript) {
            k--;
        }
        int keyEnd = k + 1;
        while (k >= 0 && keyEnd - k <= KeyNames.MAX_LENGTH && keyChar(s.charAt(k))) {
            k--;
        }
        int keyStart = k + 1;
        if (keyStart == keyEnd || k >= 0 && keyChar(s.charAt(k))) {
            int local = LocalLabels.start(s, keyEnd);
            if (local < 0) {
                return sep + 1;
            }
            keyStart = local;   // a label in a script KeyNames does not read: パスワード=…, 身份证号=…
        }
        if (quotedSubscript && !(k >= 1 && s.charAt(k) == '[' && (keyChar(s.charAt(k - 1)) || s.charAt(k - 1) == ']'))) {
            return sep + 1;   // no name[sub] inside the quotes
        }
        if (braced && !(k >= 1 && s.charAt(k) == '{' && "$@&%".indexOf(s.charAt(k - 1)) >= 0)) {
            return sep + 1;   // a block's or a map's brace, not a variable
        }
        if (bracketed && !(k >= 0 && s.charAt(k) == '[' || quoted && k >= 1 && s.charAt(k - 1) == '['
                && (s.charAt(k) == '"' || s.charAt(k) == '\'')) || thinArrow && member(s, keyStart)) {
            return sep + 1;   // not a subscript; or a member chain, $user->password->hash
        }
        if (k >= 0 && s.charAt(k) == '\\' && keyEnd - keyStart > 2 && "nrt".indexOf(s.charAt(keyStart)) >= 0) {
            keyStart++;   // a line break or tab written as an escape before the name: …\r\nSet-Cookie: … (mod_dumpio)
        }
        if (keyEnd - keyStart > 3 && s.charAt(keyStart) == '-' && (s.charAt(keyStart + 1) == 'D'
                || s.charAt(keyStart + 1) == 'P') && Chars.lower(s.charAt(keyStart + 2))) {
            keyStart += 2;   // a JVM or Gradle property: -DapiKey=…, -PnexusPassword=…
        }
        if (digits(s, keyStart, keyEnd)) {
            return sep + 1;   // the hours of 10:11:12, a port, an index: no key name is all digits
        }
        if (colon && !quoted && !bracketed && RedisSets.promptKey(s, keyStart)) {
            return sep + 1;   // 127.0.0.1:6379> HGETALL session:…: a Redis key's namespace, the key a name (redact54)
        }
        KeyNames.Key key = KeyNames.classify(scan, keyStart, keyEnd);
        int operand = expansionOperand(s, keyStart, keyEnd, sep);
        int expanded = operand > 0 ? expansion(scan, key, operand, sep) : -1;
        if (expanded >= 0) {
            return expanded;   // ${POSTGRES_PASSWORD:?set it in .env}: a reference, no label (redact62)
        }
        if (key == KeyNames.Key.NONE && colon && (Chars.is(s, keyStart, keyEnd, "inline_string")
                || Chars.is(s, keyStart, keyEnd, "inline_bytes"))) {
            key = dataSourceHolder(scan, keyStart);   // Envoy's DataSource: "private_key": {"inline_string": "…"}
        }
        if (key == KeyNames.Key.NONE && colon && quoted && hostName(s, keyStart, keyEnd)) {
            // a map from hosts to their credential, judged by the map's name: Composer's auth.json, "bearer":
            // {"repo.example.org": "…"}, "gitlab-token": {"gitlab.example.com": "…"} (redact54)
            key = dataSourceHolder(scan, keyStart);
            if (key == KeyNames.Key.NONE && oauthHolder(s, keyStart)) {
                key = KeyNames.Key.SECRET;   // Composer's "github-oauth": {"github.com": "…"}
            }
        }
        if (key == KeyNames.Key.NONE && keyEnd - keyStart == 3 && (Chars.is(s, keyStart, keyEnd, "mfa")
                || Chars.is(s, keyStart, keyEnd, "2fa")) && secondFactorCode(s, sepEnd)) {
            key = KeyNames.Key.PASSWORD;   // mfa: 482913: a second factor's code by its bare name
        }
        if (key == KeyNames.Key.NONE && (Chars.is(s, keyStart, keyEnd, "verificationId")
                || Chars.is(s, keyStart, keyEnd, "verification_id"))) {
            // Firebase's phone sign-in: the verification id its SMS code is checked against, a session's token
            // (PhoneAuthCredential{…, verificationId=…}); judged as a bare key, it goes only where it looks generated,
            // so a record's 42 and a check's name stay
            key = KeyNames.Key.KEY;
        }
        if (key == KeyNames.Key.NONE && colon && quoted && secretPayload(s, keyStart, keyEnd)) {
            key = KeyNames.Key.SECRET;   // Secret Manager's "payload": {"data": "…"}: the secret's value, base64
        }
        if (key == KeyNames.Key.NONE && colon && keyEnd - keyStart == 1 && "SNB".indexOf(s.charAt(keyStart)) >= 0) {
            // a DynamoDB attribute value, its type's letter the only member: apiKey: { S: '…' }, "token": {"S": "…"}
            key = dataSourceHolder(scan, keyStart);
            compositeKey(scan, sep);   // pk: { S: 'SESSION#…' }: whatever the holder's name, the type names the id
        }
        if (key == KeyNames.Key.NONE && colon) {
            key = NameValuePairs.anyValue(scan, keyStart, keyEnd);   // OTLP: "value": {"stringValue": "…"} (redact45)
        }
        if (key == KeyNames.Key.NONE && UserKeys.named(s, keyStart, keyEnd)) {
            UserKeys.value(scan, sep);   // a user that is a key's id, sasl.username: 'ABCD…'
        }
        if (key == KeyNames.Key.PASSWORD && colon && !quoted && !bracketed && keyEnd - keyStart <= 3
                && namespace(s, sep + 1)) {
            return sep + 1;   // a debug namespace, DEBUG=pw:api, pw:browser*: no password
        }
        if (key == KeyNames.Key.NONE && !quoted && !bracketed && !arrow && bundlerHost(s, keyStart, keyEnd)) {
            key = KeyNames.Key.PASSWORD;   // BUNDLE_GEMS__CONTRIBSYS__COM=user:…: Bundler's login to a gem source
        }
        if (key == KeyNames.Key.NONE && Chars.is(s, keyStart, keyEnd, "value")) {
            key = NameValuePairs.named(scan, keyStart, sep);
        }
        if (key == KeyNames.Key.NONE && !arrow && Chars.is(s, keyStart, keyEnd, "value")) {
            key = holder(scan, keyStart);   // Token(value=…, scope=read): the type's name says what its value is
        }
        if (key == KeyNames.Key.NONE && !arrow && (Chars.is(s, keyStart, keyEnd, "value")
                || Chars.is(s, keyStart, keyEnd, "text") || Chars.is(s, keyStart, keyEnd, "keys"))) {
            int typed = Chars.is(s, keyStart, keyEnd, "keys") ? keyStart >= 5 && s.startsWith("send ", keyStart - 5)
                    ? SentKeys.sendKeysLine(scan, sep) : -1 : SentKeys.value(scan, keyStart, keyEnd, sep);
            if (typed >= 0) {
                return typed;   // text a WebDriver command types
            }
        }
        if (key == KeyNames.Key.NONE && !arrow && Chars.is(s, keyStart, keyEnd, "args")) {
            int typed = SentKeys.appiumArgs(scan, keyStart, sep);
            if (typed >= 0) {
                return typed;   // text Appium's setValue() types
            }
        }
        if (key == KeyNames.Key.NONE && !quoted && !bracketed && keyEnd - keyStart <= 3) {
            // a label of a few words that starts its line, its last word short and telling nothing alone, as CLIs
            // align them: "Secret ID    = …", "API key: …"
            int label = labelStart(s, keyStart);
            if (label < keyStart) {
                key = KeyNames.classify(scan, label, keyEnd);
                if (key != KeyNames.Key.NONE) {
                    keyStart = label;
                }
            }
        }
        if (key == KeyNames.Key.NONE && !bracketed && !braced) {
            // a label in another language: Kennwort: …, mot de passe=…, clave de API=…, パスワード=…, 身份证号=…
            int local = LocalLabels.start(s, keyEnd);
            if (local >= 0) {
                if (LocalLabels.masked(s, sepEnd)) {
                    return sep + 1;   // mot de passe : (masqué), hasło: [ukryte], contraseña: <oculta>
                }
                key = LocalLabels.key(s, local, keyEnd);
                keyStart = local;
            }
        }
        // a bare "key" says nothing of its value: it goes only when it mixes small and capital letters with digits
        // ({@link Values#generated}) or is 32 to 64 hex digits and nothing else ({@link Judge#hexKey}), so cache keys
        // with their prefix, UUIDs (Kong's key-auth ids) and "key: not found" stay
        boolean bare = key == KeyNames.Key.NONE && !bracketed && Chars.is(s, keyStart, keyEnd, "key");
        // an environment variable named ..._KEY whose word before says little (INNGEST_EVENT_KEY, a vendor's
        // ingest key): judged as a bare key, and only a run of letters and digits goes (envKey)
        boolean envKey = key == KeyNames.Key.NONE && !quoted && !bracketed && upperKeyName(s, keyStart, keyEnd);
        if (bare || envKey) {
            key = KeyNames.Key.KEY;
        }
        if (key == KeyNames.Key.NONE && colon && !thinArrow && !quoted && !bracketed && !parenthesised) {
            int named = Participles.nameStart(s, keyStart, keyEnd);
            KeyNames.Key before = named >= 0 ? KeyNames.classify(scan, named, keyStart - 1) : KeyNames.Key.NONE;
            int label = named >= 0 && before == KeyNames.Key.NONE ? LocalLabels.start(s, keyStart - 1) : -1;
            KeyNames.Key local = label >= 0 ? LocalLabels.key(s, label, keyStart - 1) : null;
            if (local != null) {
                before = local;   // code de vérification saisi : …, a label in another language and its participle
                named = label;
            }
            if (before == KeyNames.Key.NONE) {
                return loginPair(scan, keyStart, sep);
            }
            key = before;   // access_token used: …, the name before a participle that says what was done with it
            keyStart = named;
        }
        if (key == KeyNames.Key.NONE && !colon && !arrow && signatureScheme(s, keyStart, keyEnd)) {
            key = KeyNames.Key.SECRET;   // Stripe-Signature: t=1717243502,v1=…: the scheme's HMAC
        }
        if (key == KeyNames.Key.NONE && quoted && colon && jwkPrivate(s, keyStart, keyEnd)) {
            key = KeyNames.Key.SECRET;   // a JSON Web Key's private member, "d" of {"kty":"EC",…,"d":"…"}
        }
        if (key == KeyNames.Key.NONE || colon && !quoted && s.startsWith("//", keyStart - 2)) {
            return sep + 1;   // the user of a URL's user:password@ (that is Urls')
        }
        if (colon && !quoted && !bracketed && sepEnd < s.length() && Chars.blank(s.charAt(sepEnd))
                && key != KeyNames.Key.COOKIE && key != KeyNames.Key.AUTHORIZATION && cmdletName(s, keyStart, keyEnd)) {
            // PowerShell's error record, "Set-AzKeyVaultSecret: Operation returned …" (ConciseView, the default of
            // PowerShell 7): the command that failed, then its message, never a label and its value; an HTTP header
            // of the same shape (Set-Cookie) is still read as its name says
            return sep + 1;
        }
        if (colon && !thinArrow && !quoted && !bracketed && keyPath(s, keyStart, sep)) {
            return sep + 1;   // "Authentication:Google:ClientSecret": …, a .NET configuration key's path (redact61)
        }
        if (colon && !quoted && !bracketed && loggerName(s, keyStart, keyEnd, sep)) {
            return sep + 1;   // ERROR onelogin.saml2.auth: invalid_response: …, a module's logger, no key (redact61)
        }
        if (colon && keyEnd - keyStart == 4 && s.startsWith("PASS", keyStart) && (s.startsWith("--- ", keyStart - 4)
                || !quoted && verdict(s, sep + 1))) {
            return sep + 1;   // go test's verdict, --- PASS: TestLogin (0.00s); a scanner's, PASS: Rule name [10003]
        }
        if (!colon && !arrow && !quoted && optionNamed(s, keyStart, sep)) {
            return sep + 1;   // a man page's "SessionId=" named in quotes, its = in them: no value follows
        }
        if (colon && !thinArrow && keyEnd - keyStart == 3 && s.startsWith("Pin", keyStart) && aptPin(s, sepEnd)) {
            return sep + 1;   // apt_preferences(5): Pin: release a=unstable, what a package is pinned to
        }
        if (colon && !thinArrow && !quoted && !bracketed && entrySubject(s, keyStart, keyEnd, sepEnd)) {
            return sep + 1;   // a changelog's entry: "* pam_unix_passwd: got rid of a warning", the file it changed
        }
        if (thinArrow && memberChain(s, keyStart, sep)) {
            return sep + 2;   // C's session->internals.flags: a structure's member, no mapping to a value
        }
        boolean prose = colon && !quoted && !keyCanStart(s, keyStart) && !header(key)
                && !identifier(s, keyStart, keyEnd) && (sepEnd >= s.length() || Chars.blank(s.charAt(sepEnd)));
        int v = arrow ? sep + 2 : sep + 1;
        if (parenthesised && !bare) {
            int close = Chars.indexOf(s, ')', v + 1, Math.min(s.length(), v + 80));
            SecretKind kind = close > v + 1 ? Judge.value(key, s, v + 1, close) : null;
            if (kind != null) {
                scan.add(kind, v + 1, close);
            }
            return v + 1;
        }
        // "key: value" and "key = value", but "key= other=…" is an empty value
        if (colon || arrow || sep > 0 && (Chars.blank(s.charAt(sep - 1)) || s.charAt(sep - 1) == ':')) {
            while (v < s.length() && v - sep <= 24 && Chars.blank(s.charAt(v))) {   // CLIs align values in columns
                v++;
            }
        }
        if (colon && !quoted && !bracketed && goEmpty(s, keyStart, sep, v)) {
            return sep + 1;   // Go's %+v of an empty field, {User:app Password: Database:orders}: no value follows
        }
        if (arrow && !thinArrow) {
            v = phpDumpValue(s, v);
        }
        if (v + 1 < s.length() && s.charAt(v) == 'b' && (s.charAt(v + 1) == '\'' || s.charAt(v + 1) == '"')) {
            v++;   // a Python bytes literal, b'...'
        } else if (s.startsWith("Some(", v)) {
            v += 5;   // an option as Rust and Scala print it: hash_password: Some("…")
        } else if (s.startsWith("<<\"", v)) {
            v += 2;   // an Erlang binary: #{password => <<"…">>}
        } else if (colon && !quoted && declared(s, keyStart)) {
            v = typeAnnotation(s, v);   // let token: &str = "…", const apiKey: string = '…', api_key: str = "…"
        }
        int bracket = bracketed(s, v);
        if (bracket > v) {
            return claimBracketed(scan, key, v + 1, bracket, prose, bare, sep);
        }
        int bytes = printedData(s, v);
        if (bytes > v) {
            return claimBracketed(scan, key, v + 1, bytes, prose, bare, sep);
        }
        if (colon && !thinArrow) {
            v = yamlBlock(s, v);
            v = nextLine(s, v, keyStart);
        }
        v = pointee(s, v);
        int braceEnd = braced(s, v);
        if (braceEnd > v) {
            return claim(scan, key, v + 1, braceEnd, true, sep);
        }
        int quote = Quotes.open(s, v);
        int nested = quote == 0 ? Quotes.nested(s, v) : 0;
        if (quote == 0 && nested == 0 && keyEscapes == 2 && s.startsWith("\\\\\"", v)) {
            // JSON in a JSON string as Python's repr doubles its backslashes (botocore's
            // b'{…\\"password\\":\\"…\\"}'): the value quoted as its key is (redact62)
            nested = 3;
        }
        if (nested > 0) {
            quote = nested;
        }
        int start = v + quote;
        int end;
        if (nested > 0) {
            end = Quotes.closeNested(s, start, nested - 1);
        } else if (quote == 1 && v + 3 < s.length() && s.charAt(v + 1) == s.charAt(v) && s.charAt(v + 2) == s.charAt(v)) {
            start = v + 3;   // TOML's and Python's triple-quoted strings
            end = start;
            while (end < s.length() && s.charAt(end) != '\n' && !s.startsWith(s.substring(v, v + 3), end)) {
                end++;
            }
        } else {
            end = quote > 0 ? Quotes.close(s, start, quote) : plainEnd(s, start);
            if (quote == 0 && keyStart > 0 && s.charAt(keyStart - 1) == ';' && !settingBefore(s, keyStart - 1)) {
                end = pathParameterEnd(s, start, end);
            }
        }
        int literal = expansionLiteral(scan, start, end);
        if (literal > 0) {
            end = s.charAt(end - 1) == '}' ? end - 1 : end;
            start = literal;   // POSTGRES_PASSWORD=${POSTGRES_PASSWORD-…}: the default written in the file is the value
        }
        if (quote == 0 && nested == 0 && expression(s, start)) {
            return sep + 1;   // a call, an environment look-up or a member: token = jwt.sign(…), password=os.environ[…]
        }
        if (thinArrow && quote == 0 && (end < s.length() && (s.charAt(end) == '(' || s.startsWith("->", end))
                || Chars.indexOf(s, '(', start, end) >= 0)) {
            return sep + 2;   // a call or a member chain, not a value: ctx->token->refresh()
        }
        if (quote == 0 && keyStart > 0 && s.charAt(keyStart - 1) == '$' && cmdlet(s, start, end)) {
            return sep + 1;   // PowerShell: $password = Read-Host -AsSecureString, a command and no value
        }
        if (quote == 0 && (sourceLine(s, start, end) || ownType(s, keyStart, keyEnd, start, end))) {
            return sep + 1;   // a logger's record, botocore.credentials:credentials.py:2152; Swift's dump of a member
        }
        if (quote == 0 && violationPath(s, keyStart, keyEnd, start, end)) {
            return sep + 1;   // Hibernate Validator's createCustomer.arg0.password: must be…, in any language
        }
        if (quote == 0 && springRejected(s, start, end)) {
            return sep + 1;   // Spring's on field 'password': rejected value […]: the brackets hold the value
        }
        if (key == KeyNames.Key.PASSWORD && quote == 0 && end < s.length() && s.charAt(end) == ')'
                && Chars.isAnyExactly(s, start, end, ANSWERS)) {
            return sep + 1;   // MySQL's 1045 in the server's language, whether a password was sent: (Password: SI)
        }
        if (prose && quote == 0 && !Judge.inProse(key, s, start, end)) {
            return sep + 1;   // prose: "Invalid password: too short"; a quoted or random value, a person's number still go
        }
        if ((bare || envKey || query(s, keyStart)) && quote == 0 && end - start > 1 && s.charAt(end - 1) == ':'
                && (end == s.length() || Chars.blank(s.charAt(end)))) {
            // a colon that ends the sentence's clause: "…/notices?key=…: Net::OpenTimeout", Angular's "Http failure
            // response for …?access_token=…: 403 Forbidden"
            end--;
        }
        if (query(s, keyStart) && quote == 0 && end - start > 1 && s.charAt(end - 1) == '.'
                && end < s.length() && Chars.blank(s.charAt(end))) {
            // a full stop that ends the sentence the URL stands in: Traefik's "Remote error http://auth/?token=….
            // StatusCode: 401", Go's "%s. %s"; a query's value is its own characters up to the stop
            end--;
        }
        if (quote == 0 && optionAlternative(s, start, end)) {
            return sep + 1;   // systemd.exec(5)'s LoadCredential=/SetCredential=: another option's name, no value
        }
        if (envKey && !alnum(s, start, end)) {
            return sep + 1;   // CACHE_KEY=v1-Linux-3f2a…, SORT_KEY=created_at: a key of data, not a credential
        }
        boolean wordBefore = keyStart >= 2 && s.charAt(keyStart - 1) == ' ' && Chars.letter(s.charAt(keyStart - 2));
        if (wordBefore && bare) {
            int w = keyStart - 2;
            while (w > 0 && Chars.alnum(s.charAt(w - 1))) {
                w--;
            }
            if (Chars.isAny(s, w, keyStart - 1, CREDENTIAL_KEY_WORDS)) {
                wordBefore = false;   // "API key=…", "secret key: …": the word before says it is a credential's key
            }
        }
        if ((bare || envKey) && !Values.mixedCase(s, start, end) && (wordBefore || !Judge.hexKey(s, start, end))) {
            // 32 to 64 hex digits alone are a generated key too (Airbrake's ?key=, a JWK's "key"), unless a word
            // before says whose key it is ("cache key: …", which KeyNames reads as none)
            return sep + 1;
        }
        if (bare && quote == 0 && composed(s, start, end)) {
            return sep + 1;   // a cache's key of words and a hash: "Cache restored from key: node-cache-Linux-x64-npm-…"
        }
        return claim(scan, key, start, end, quote > 0, sep);
    }

    /**
     * For a name inside a shell's or Compose's parameter expansion, {@code ${NAME:?message}}, {@code ${NAME:-default}},
     * {@code ${NAME:=default}}, {@code ${NAME:+other}} or {@code ${NAME=default}} (POSIX sh, bash, the Compose
     * specification's interpolation), its separator at {@code sep}: where the operand after the operator starts; else
     * -1. The name is a reference to the environment, no label of what follows it.
     */
    static int expansionOperand(String s, int keyStart, int keyEnd, int sep) {
        if (keyStart < 2 || s.charAt(keyStart - 1) != '{' || s.charAt(keyStart - 2) != '$'
                || !(Chars.letter(s.charAt(keyStart)) || s.charAt(keyStart) == '_')) {
            return -1;
        }
        for (int k = keyStart; k < keyEnd; k++) {
            if (!(Chars.alnum(s.charAt(k)) || s.charAt(k) == '_')) {
                return -1;
            }
        }
        if (s.charAt(sep) == ':' && keyEnd == sep && sep + 1 < s.length() && "?-=+".indexOf(s.charAt(sep + 1)) >= 0) {
            return sep + 2;
        }
        if (s.charAt(sep) == '=' && (keyEnd == sep || keyEnd == sep - 1 && s.charAt(keyEnd) == ':')) {
            return sep + 1;
        }
        return -1;
    }

    /**
     * The operand of a parameter expansion at {@code operand} ({@link #expansionOperand}), up to the brace that closes
     * it: after {@code ?} a message printed when the variable is unset, kept; after {@code -}, {@code =} or {@code +} a
     * literal written into the file, judged as any value of the name's {@code key} (a default password still goes, a
     * reference or a placeholder stays). -1 where no brace closes it on the line. Returns where scanning goes on.
     */
    private static int expansion(Scan scan, KeyNames.Key key, int operand, int sep) {
        String s = scan.text;
        int depth = 0;
        int close = operand;
        while (close < s.length() && s.charAt(close) != '\n' && (s.charAt(close) != '}' || depth > 0)) {
            depth += s.charAt(close) == '{' ? 1 : s.charAt(close) == '}' ? -1 : 0;
            close++;
        }
        if (close >= s.length() || s.charAt(close) != '}') {
            return -1;   // no closing brace on the line: read as any name and value
        }
        if (s.charAt(operand - 1) == '?' || key == KeyNames.Key.NONE || close == operand) {
            return operand;   // what the operand holds is still looked at by the other detectors
        }
        int start = operand;
        int end = close;
        int quote = Quotes.open(s, start);
        if (quote == 1 && end - start >= 2 && s.charAt(end - 1) == s.charAt(start)) {
            start++;
            end--;
        }
        SecretKind kind = Values.placeholder(s, start, end) ? null : Judge.value(key, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
        }
        return operand;
    }

    /** The objects whose subscript is the process's environment: {@code os.environ['…']}, Ruby's {@code ENV['…']}. */
    private static final String[] ENVIRONMENTS = {"os.environ", "ENV", "environ"};

    /** The receivers of a method, in the languages that name one, and Node's environment, each with its dot. */
    private static final String[] RECEIVERS = {"self.", "this.", "process.env."};

    private static boolean receiver(String s, int first) {
        for (String r : RECEIVERS) {
            if (s.startsWith(r, first) && (!r.equals("process.env.") || first + r.length() < s.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the unquoted value at {@code start} is an expression and no literal (redact56): a call of a qualified name
     * ({@code jwt.sign(…)}, {@code AwsBasicCredentials.create(…)}, {@code System.getenv(…)}; a scope's {@code ::} as a
     * dot: {@code Acme::LoginSession.new(…)}, {@code std::env::var(…)}), {@code new X(…)}, a call
     * of a plain name whose arguments close on the line and open with a quote, a name or nothing ({@code getenv("PW")}),
     * an environment's subscript ({@code os.environ['…']}, {@code ENV["…"]}) or a member of the receiver or of
     * Node's environment that ends the value ({@code self.token}, {@code this.apiKey}, {@code process.env.TOKEN}).
     * The call's arguments are judged on their own (PositionalCalls, SecretCalls). Another object's member
     * ({@code config.password}) stays taken: it is not told from a dotted password.
     */
    static boolean expression(String s, int start) {
        int i = start;
        boolean constructed = s.startsWith("new ", i);
        if (constructed) {
            i += 4;
        }
        int first = i;
        int dots = 0;
        while (true) {
            int seg = i;
            if (i >= s.length() || !(Chars.letter(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                return false;
            }
            while (i < s.length() && (Chars.alnum(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                i++;
            }
            if (i - seg < 2 && dots == 0 && i < s.length() && s.charAt(i) != '.') {
                return false;   // one letter and a parenthesis: no call worth the doubt
            }
            if (i + 1 < s.length() && s.charAt(i) == '.' && (Chars.letter(s.charAt(i + 1)) || s.charAt(i + 1) == '_')) {
                dots++;
                i++;
                continue;
            }
            // Ruby's, C++'s, Rust's and PHP's scope: Acme::LoginSession.new(…), std::env::var(…), Vault::read(…)
            if (i + 2 < s.length() && s.charAt(i) == ':' && s.charAt(i + 1) == ':'
                    && (Chars.letter(s.charAt(i + 2)) || s.charAt(i + 2) == '_')) {
                dots++;
                i += 2;
                continue;
            }
            break;
        }
        char next = i < s.length() ? s.charAt(i) : '\n';
        if (next == '(') {
            if (constructed || dots > 0) {
                return true;
            }
            int close = Chars.indexOf(s, ')', i + 1, Math.min(s.length(), i + 200));
            int line = Chars.indexOf(s, '\n', i + 1, s.length());
            if (close < 0 || line >= 0 && line < close || i - first < 3) {
                return false;
            }
            char arg = i + 1 < s.length() ? s.charAt(i + 1) : ')';
            return arg == ')' || arg == '"' || arg == '\'' || Chars.letter(arg) || arg == '_';
        }
        if (constructed) {
            return false;
        }
        if (next == '[' || next == '{') {
            return Chars.isAnyExactly(s, first, i, ENVIRONMENTS);
        }
        // a member of the receiver or of Node's environment that ends the value: self.token, this.apiKey,
        // process.env.TOKEN; another object's member is not told from a dotted password (phje.nk0OSP_0) and goes
        return dots > 0 && receiver(s, first) && (next == '\n' || Chars.blank(next) || next == ';'
                || next == ',' || next == ')' || next == '}' || next == '\r');
    }

    /**
     * Whether the unquoted value after a capital {@code PASS:} at {@code v} is followed on its line by more words: a
     * verdict and the name of what passed, as a scanner or a test runner prints one (ZAP's {@code PASS: Vulnerable JS
     * Library [10003]}, {@code PASS: tests/login.spec.ts (5.2 s)}), not a password, which is one word ending its line.
     */
    private static boolean verdict(String s, int v) {
        int k = Chars.skipBlanks(s, v);
        int n = s.length();
        if (k == v || k >= n || s.charAt(k) == '"' || s.charAt(k) == '\'') {
            return false;   // a quoted value is one value, whatever follows it
        }
        while (k < n && !Chars.space(s.charAt(k))) {
            k++;
        }
        int next = Chars.skipBlanks(s, k);
        return next > k && next < n && !Chars.space(s.charAt(next));
    }

    /**
     * Whether the unquoted value {@code s[start, end)} is the word "rejected" of Spring's binding error, {@code Field
     * error in object 'form' on field 'password': rejected value […]; codes […]} (FieldError's message, whatever the
     * field's name or language): the word says what happened, the value follows in the brackets, which
     * {@link ValidationPaths} judges by the field's name.
     */
    private static boolean springRejected(String s, int start, int end) {
        return end - start == 8 && s.startsWith("rejected", start) && s.startsWith(" value [", end);
    }

    /**
     * Whether the value {@code s[start, end)} is a key built of words joined by dashes, as a CI cache's key writes its
     * parts ({@code node-cache-Linux-x64-npm-<hash>}, {@code setup-java-Windows-maven-<hash>}): three parts or more
     * that are words of letters alone (three letters or more) before its last part. A generated key has one prefix word
     * at most ({@code live_…}, {@code pk-…}).
     */
    private static boolean composed(String s, int start, int end) {
        int words = 0;
        int part = start;
        for (int k = start; k <= end; k++) {
            if (k == end || s.charAt(k) == '-') {
                if (k < end && k - part >= 3 && Chars.lettersOnly(s, part, k)) {
                    words++;
                }
                part = k + 1;
            }
        }
        return words >= 3;
    }

    /**
     * Whether the name at {@code keyStart} is an option's named with its {@code =} inside quotes, as man pages and
     * documentation name a setting ({@code must match the "SessionId=" value}, systemd.netdev(5)): the quote before the
     * name closes right after the separator, so what follows is prose, no value. {@code "password=…"} and a quoted
     * name's value, {@code "x-api-key"="…"}, go on.
     */
    private static boolean optionNamed(String s, int keyStart, int sep) {
        if (keyStart == 0 || sep + 1 >= s.length() || s.charAt(sep) != '=') {
            return false;
        }
        char q = s.charAt(keyStart - 1);
        return (q == '"' || q == '\'') && s.charAt(sep + 1) == q;
    }

    /**
     * Whether the unquoted value {@code s[start, end)} is {@code /} and another option's name with its {@code =}, as
     * documentation lists the options that do one thing ({@code LoadCredential=/SetCredential=}): the name camel-cased
     * words, each a capital and two small letters or more, no digit. A key's base64 ({@code /9xK2…=}) has digits or
     * no such words.
     */
    static boolean optionAlternative(String s, int start, int end) {
        if (end - start < 6 || s.charAt(start) != '/') {
            return false;
        }
        int k = start + 1;
        int words = 0;
        while (k < end && Chars.upper(s.charAt(k))) {
            int w = ++k;
            while (k < end && Chars.lower(s.charAt(k))) {
                k++;
            }
            if (k - w < 2) {
                return false;
            }
            words++;
        }
        return words >= 2 && k < end && s.charAt(k) == '=';
    }

    /** What apt_preferences(5) pins a package to: {@code Pin: release …}, {@code version …}, {@code origin …}. */
    private static final String[] APT_PINS = {"release", "version", "origin"};

    /**
     * Whether the value at {@code v} of a capital {@code Pin:} is one of apt's pin types ({@link #APT_PINS}) and its
     * argument after a blank ({@code Pin: release a=unstable}, {@code Pin: version 5.32*}, {@code Pin: origin ""}): an
     * apt preferences record, no personal number; {@code Pin: 4821} and {@code PIN: 0000} still go.
     */
    private static boolean aptPin(String s, int v) {
        int k = Chars.skipBlanks(s, v);
        int w = k;
        while (w < s.length() && Chars.lower(s.charAt(w))) {
            w++;
        }
        return w < s.length() && s.charAt(w) == ' ' && Chars.isAnyExactly(s, k, w, APT_PINS);
    }

    /** Small words a sentence has and a password is not followed by ({@link #entrySubject}). */
    private static final String[] FUNCTION_WORDS = {"a", "an", "the", "of", "to", "in", "on", "for", "with", "from",
            "that", "is", "are", "was", "were", "be", "now", "and", "when", "by", "into"};

    /**
     * Whether the name before the colon is a file's or a function's a changelog entry is about, and what follows it a
     * sentence ({@code * pam_unix_passwd: got rid of an annoying warning}, {@code - dbus-user-session: dbus-daemon is
     * now in session.slice}, {@code update-passwd.8: Document that …}): the name compound (an {@code _}, {@code -},
     * {@code .} or {@code /} in it or right before it, as a source file's or a symbol's is), the value a word of letters
     * (dashes between allowed) and one of the three words after it a small word of a sentence ({@link #FUNCTION_WORDS}).
     * {@code db_password: hunter2}, {@code db-password: correct horse battery staple} still go.
     */
    static boolean entrySubject(String s, int keyStart, int keyEnd, int v) {
        boolean compound = keyStart > 0 && "_-./".indexOf(s.charAt(keyStart - 1)) >= 0;
        for (int k = keyStart + 1; k < keyEnd && !compound; k++) {
            compound = "_-./".indexOf(s.charAt(k)) >= 0;
        }
        int n = s.length();
        if (!compound || v + 1 >= n || s.charAt(v) != ' ') {
            return false;
        }
        int w = v + 1;
        int e = w;
        while (e < n && (Chars.letter(s.charAt(e)) || s.charAt(e) == '-' && e > w && e + 1 < n
                && Chars.letter(s.charAt(e + 1)))) {
            e++;
        }
        if (e - w < 2 || e >= n || s.charAt(e) != ' ') {
            return false;
        }
        for (int count = 0; count < 3; count++) {
            w = e + 1;
            e = w;
            while (e < n && Chars.letter(s.charAt(e))) {
                e++;
            }
            if (e == w) {
                return false;
            }
            if (Chars.isAnyExactly(s, w, e, FUNCTION_WORDS)) {
                return true;
            }
            if (e >= n || s.charAt(e) != ' ') {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether {@code name->member.member} at {@code sep} (the arrow's dash) is C's access to a structure's member
     * through a pointer, no mapping: no blank around the arrow, the name a C identifier, and what follows a member's
     * name of small letters and underscores, then a dot or another arrow ({@code session->internals.hsk_flags},
     * {@code session->security_parameters.}). A mapping's value ({@code session -> 9f2c…}, {@code sid->a1b2c3}) goes.
     */
    static boolean memberChain(String s, int keyStart, int sep) {
        if (keyStart >= sep || !Chars.letter(s.charAt(keyStart)) && s.charAt(keyStart) != '_') {
            return false;
        }
        int n = s.length();
        int k = sep + 2;
        int from = k;
        while (k < n && (Chars.lower(s.charAt(k)) || s.charAt(k) == '_')) {
            k++;
        }
        return k - from >= 3 && k < n && (s.charAt(k) == '.' || s.startsWith("->", k));
    }

    /** Whether the key at {@code keyStart} is a URL query's parameter: after its {@code ?} or an {@code &}. */
    private static boolean query(String s, int keyStart) {
        return keyStart > 0 && (s.charAt(keyStart - 1) == '?' || s.charAt(keyStart - 1) == '&');
    }

    /** Capitals, digits and underscores, ending in {@code _KEY}, with a word before it: {@code INNGEST_EVENT_KEY}. */
    private static boolean upperKeyName(String s, int start, int end) {
        if (end - start < 6 || !s.startsWith("_KEY", end - 4)) {
            return false;
        }
        for (int k = start; k < end - 4; k++) {
            char c = s.charAt(k);
            if (!Chars.upper(c) && !Chars.digit(c) && c != '_') {
                return false;
            }
        }
        return Chars.upper(s.charAt(start));
    }

    /** Whether {@code s[start, end)} is letters and digits only. */
    private static boolean alnum(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!Chars.alnum(s.charAt(k))) {
                return false;
            }
        }
        return end > start;
    }

    /**
     * Claims the value {@code s[start, end)} of a key of kind {@code key} (not NONE) that the separator at {@code sep}
     * introduced, as its kind says: a cookie header's values, an authorization header's credentials, or the value
     * judged ({@link Judge#value}); {@code quoted}: whether the value was quoted ({@code end} its closing quote), else a
     * header runs on to the end of its text. Returns where scanning may go on. Also for the other syntaxes that pair a
     * name with its value ({@link Pairs}, {@link Leaders}).
     */
    static int claim(Scan scan, KeyNames.Key key, int start, int end, boolean quoted, int sep) {
        String s = scan.text;
        switch (key) {
            case COOKIE:
                return cookies(scan, start, quoted ? end : enclosedEnd(s, sep, Quotes.textEnd(s, start)));
            case AUTHORIZATION:
                return authorization(scan, start, quoted ? end : Quotes.textEnd(s, start), sep);
            default:
                SecretKind kind = Judge.value(key, s, start, end);
                int changed = quoted ? changedTo(s, end) : -1;
                if (changed > 0) {
                    int to = Quotes.close(s, changed + 1, 1);
                    SecretKind next = Judge.value(key, s, changed + 1, to);
                    if (next != null) {
                        scan.add(next, changed + 1, to);
                    }
                }
                if (kind == null) {
                    return sep + 1;
                }
                if (key == KeyNames.Key.KEY || key == KeyNames.Key.SECRET) {
                    start = hostKey(s, start, end);   // develocity.accessKey=ge.acme.io=…: the host stays
                }
                if (kind == SecretKind.PASSWORD && userPwdName(s, sep)) {
                    int password = UserPasswords.passwordStart(s, start, end);
                    start = password > 0 ? password : start;   // userpwd: "reports:…": the user stays (redact63)
                }
                scan.add(kind, start, end);   // a generic secret written user:password keeps its user (Scan.add)
                return start;   // the value may be a key of known format, which names it better
        }
    }

    /**
     * Where the literal starts when {@code s[start, end)} (with or without its closing brace) is one parameter
     * expansion that writes one, {@code ${NAME-…}}, {@code ${NAME:-…}}, {@code ${NAME=…}}, {@code ${NAME:=…}},
     * {@code ${NAME+…}} or {@code ${NAME:+…}} (POSIX sh; the Compose specification's interpolation): a default written
     * into the file is a value, judged by the key the expansion is assigned to, where the reference alone
     * ({@code ${NAME}}) or its message ({@code ${NAME:?…}}) is not. The name inside must be a secret's too: a path's
     * last word read as a key ({@code …/share:${XDG_DATA_DIRS:-/usr/local/share/:/usr/share/}}, environment.d(5)) says
     * nothing of a default the expansion names otherwise. {@link #expansionOperand} reads the same grammar from the
     * name inside when a separator follows it; this reads it from the value's side, for the operators that have none
     * ({@code -}, {@code +}). Else -1.
     */
    private static int expansionLiteral(Scan scan, int start, int end) {
        String s = scan.text;
        if (end - start < 5 || s.charAt(start) != '$' || s.charAt(start + 1) != '{'
                || !(Chars.letter(s.charAt(start + 2)) || s.charAt(start + 2) == '_')) {
            return -1;
        }
        if (s.charAt(end - 1) != '}') {
            if (end >= s.length() || s.charAt(end) != '}') {
                return -1;   // a plain value stops before its brace; a quoted one holds it
            }
            end++;
        }
        int k = start + 3;
        while (k < end && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '_')) {
            k++;
        }
        int name = k;
        if (k < end && s.charAt(k) == ':') {
            k++;
        }
        if (k >= end - 2 || "-=+".indexOf(s.charAt(k)) < 0
                || KeyNames.classify(scan, start + 2, name) == KeyNames.Key.NONE) {
            return -1;   // no literal before the closing brace, or a variable no secret's name names
        }
        for (int i = k + 1; i < end - 1; i++) {
            if ("${}".indexOf(s.charAt(i)) >= 0) {
                return -1;   // a nested expansion or a second brace: not one literal
            }
        }
        return k + 1;
    }

    /**
     * Whether the key before the separator at {@code sep} is curl's {@code USERPWD} (or {@code PROXYUSERPWD}), whose
     * value is {@code user:password} by libcurl's grammar (CURLOPT_USERPWD): PHP's {@code CURLOPT_USERPWD => …},
     * pycurl's {@code USERPWD}, Typhoeus' and Ethon's {@code userpwd: "…"}. Only the password goes; the user stays.
     */
    private static boolean userPwdName(String s, int sep) {
        int k = sep;
        while (k > 0 && sep - k < 6 && (Chars.blank(s.charAt(k - 1)) || s.charAt(k - 1) == '=' || s.charAt(k - 1) == ':'
                || s.charAt(k - 1) == '"' || s.charAt(k - 1) == '\'')) {
            k--;
        }
        return k >= 7 && s.regionMatches(true, k - 7, "userpwd", 0, 7)
                && (k == 7 || !Chars.alnum(s.charAt(k - 8)) || s.charAt(k - 8) == 'y' || s.charAt(k - 8) == 'Y'
                || s.charAt(k - 8) == '_');
    }

    /**
     * A change printed as {@code "old" -> "new"} (Terraform's and Pulumi's plans) or {@code "old" => "new"}, the old
     * value's closing quote at {@code close}: the new value's opening quote, or -1. The new value is judged as the old
     * one, so {@code "DatabasePassword" = "****" -> "…"} loses it.
     */
    private static int changedTo(String s, int close) {
        if (close + 4 >= s.length()) {
            return -1;
        }
        int k = close + 1;
        if (s.charAt(k) != ' ' || s.charAt(k + 2) != '>' || s.charAt(k + 1) != '-' && s.charAt(k + 1) != '=') {
            return -1;
        }
        k = Chars.skipBlanks(s, k + 3);
        return k < s.length() && (s.charAt(k) == '"' || s.charAt(k) == '\'') ? k : -1;
    }

    /**
     * Where a label of up to three words that ends at {@code keyStart} starts, when it starts its line (after an
     * indent) and its words are parted by single blanks: the start of "Secret ID" in {@code Secret ID    = …}.
     * {@code keyStart} itself where the text is not so.
     */
    private static int labelStart(String s, int keyStart) {
        int start = keyStart;
        for (int words = 1; words < 3; words++) {
            int k = start - 1;
            if (k < 1 || s.charAt(k) != ' ' || !Chars.alnum(s.charAt(k - 1))) {
                break;
            }
            k--;
            while (k >= 0 && start - k <= KeyNames.MAX_LENGTH && keyChar(s.charAt(k))) {
                k--;
            }
            start = k + 1;
        }
        if (start == keyStart) {
            return keyStart;
        }
        int k = start - 1;
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        return k < 0 || s.charAt(k) == '\n' ? start : keyStart;
    }

    /**
     * {@code :}, {@code =} or the {@code >} of {@code ->} as a separator, not part of {@code ://}, {@code ::},
     * {@code ==}, {@code -->}, {@code ->>}...
     */
    private static boolean separator(String s, int i) {
        char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
        char before = i > 0 ? s.charAt(i - 1) : ' ';
        if (s.charAt(i) == '>') {
            return before == '-' && i >= 2 && s.charAt(i - 2) != '-' && next != '>' && next != '=';
        }
        if (s.charAt(i) == ':') {
            return next != ':' && next != '/' && next != '=' && before != ':';
        }
        return next != '=' && before != '=' && before != '!' && before != '<' && before != '>';
    }

    /** Whether the key at {@code keyStart} is a member reached through {@code ->}, {@code .}, {@code $} or {@code ::}. */
    private static boolean member(String s, int keyStart) {
        if (keyStart == 0) {
            return false;
        }
        char before = s.charAt(keyStart - 1);
        return before == '$' || before == '>' && keyStart >= 2 && s.charAt(keyStart - 2) == '-'
                || before == ':' && keyStart >= 2 && s.charAt(keyStart - 2) == ':';
    }

    /**
     * A YAML block scalar ({@code token: >-}, {@code key: |}) has its value on the next line: where that starts, or
     * {@code v} when the text is not so.
     */
    private static int yamlBlock(String s, int v) {
        if (v >= s.length() || s.charAt(v) != '|' && s.charAt(v) != '>') {
            return v;
        }
        int i = v + 1;
        while (i < s.length() && i - v <= 3 && (s.charAt(i) == '-' || s.charAt(i) == '+' || Chars.digit(s.charAt(i)))) {
            i++;
        }
        while (i < s.length() && Chars.blank(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\r') {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '\n') {
            return v;
        }
        i++;
        int indent = i;
        while (i < s.length() && Chars.blank(s.charAt(i))) {
            i++;
        }
        return i > indent && i < s.length() && !Chars.space(s.charAt(i)) ? i : v;
    }

    /**
     * Where the string a char pointer points at starts, as debuggers print the pointer: gdb's {@code password =
     * 0x7f3ea9d1b970 "…"}, lldb's {@code (const char *) token = 0x0000000100003f8e "…"}; the address (no secret) stays.
     * {@code v} itself for any other value.
     */
    private static int pointee(String s, int v) {
        if (!s.startsWith("0x", v)) {
            return v;
        }
        int k = v + 2;
        while (k < s.length() && k - v <= 18 && Chars.hex(s.charAt(k))) {
            k++;
        }
        return k - v >= 4 && k + 1 < s.length() && s.charAt(k) == ' ' && s.charAt(k + 1) == '"' ? k + 1 : v;
    }

    /**
     * The words MySQL's access-denied error (1045) prints for whether a password was sent, in capitals, in the
     * languages of its error messages: {@code (using password: YES)}, Italian {@code (Password: SI)}, German {@code JA},
     * French {@code OUI}, Portuguese {@code SIM}, Polish {@code TAK}, Czech {@code ANO}, Hungarian {@code IGEN},
     * Turkish {@code EVET}, Russian {@code ДА}, and their noes.
     */
    private static final String[] ANSWERS = {"YES", "NO", "SI", "SÍ", "JA", "NEIN", "NEE", "OUI", "NON", "SIM", "NÃO",
        "NAO", "TAK", "NIE", "ANO", "NE", "IGEN", "NEM", "EVET", "HAYIR", "ДА", "НЕТ", "DA", "NU"};
    /** The extensions of source files a log record or a stack frame names with a line number. */
    private static final String[] SOURCE_EXTENSIONS = {"py", "rb", "go", "java", "kt", "kts", "scala", "groovy", "js",
        "mjs", "cjs", "ts", "tsx", "jsx", "php", "cs", "swift", "rs", "c", "cc", "cpp", "h", "ex", "exs", "erl", "pl",
        "pm", "lua", "dart", "m", "mm"};

    /**
     * Whether the unquoted value {@code s[start, end)} is a source file's name and a line number, perhaps a column:
     * {@code credentials.py:2152} after a Python logger's name ({@code botocore.credentials:credentials.py:2152}, as
     * pytest's log capture prints a record), {@code TokenStore.java:88}. A secret has no dot before an extension
     * and then a colon and digits only.
     */
    static boolean sourceLine(String s, int start, int end) {
        int colon = Chars.indexOf(s, ':', start, end);
        if (colon < 0) {
            return false;
        }
        int dot = Chars.lastIndexOf(s, '.', start, colon);
        if (dot <= start || !Chars.isAnyExactly(s, dot + 1, colon, SOURCE_EXTENSIONS)) {
            return false;
        }
        for (int i = start; i < dot; i++) {
            char c = s.charAt(i);
            if (!(Chars.alnum(c) || c == '_' || c == '-' || c == '/' || c == '.')) {
                return false;
            }
        }
        int digits = 0;
        for (int i = colon + 1; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.digit(c)) {
                digits++;
            } else if (c != ':' || digits == 0 || i == end - 1) {
                return false;
            }
        }
        return digits > 0 && end - colon <= 13;
    }

    /**
     * Whether the unquoted value {@code s[start, end)} is a qualified type's name whose last part is the key's name
     * {@code s[keyStart, keyEnd)} written as a type: Swift's {@code dump()} of a member, {@code ▿ credentials:
     * ShopApp.Credentials}, Python's {@code token: auth.models.Token}. Two parts or more, each a name of letters and
     * digits (a letter first, digits only at a part's end), the last one starting with a capital and at least four
     * letters long, which the key ends with (small letters, {@code _} and {@code -} aside). A secret is not the key's
     * own name.
     */
    static boolean ownType(String s, int keyStart, int keyEnd, int start, int end) {
        int dot = Chars.lastIndexOf(s, '.', start, end);
        if (dot <= start || end - dot - 1 < 4 || !Chars.upper(s.charAt(dot + 1))) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            boolean partStart = i == start || s.charAt(i - 1) == '.';
            if (partStart ? !Chars.letter(c) : !(Chars.alnum(c) || c == '_' || c == '.')
                    || Chars.digit(c) && i + 1 < end && Chars.letter(s.charAt(i + 1))) {
                return false;   // each part a name: a letter first, digits only at its end (ApiV2)
            }
        }
        StringBuilder key = new StringBuilder();
        for (int i = keyStart; i < keyEnd; i++) {
            char c = s.charAt(i);
            if (c != '_' && c != '-') {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString().endsWith(s.substring(dot + 1, end).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether {@code s[keyStart, keyEnd)} is Bundler's setting of a gem source's credentials, a host written in capitals
     * with {@code __} for its dots after {@code BUNDLE_} ({@code BUNDLE_GEMS__CONTRIBSYS__COM},
     * {@code BUNDLE_RUBYGEMS__PKG__GITHUB__COM}), its last part a top-level domain of two to six letters. Bundler's
     * other settings with {@code __} name a gem's build flags or a mirror ({@code BUNDLE_BUILD__NOKOGIRI},
     * {@code BUNDLE_MIRROR__RUBYGEMS__ORG}) and stay; so do {@code BUNDLE_PATH}, {@code BUNDLE_JOBS}.
     */
    static boolean bundlerHost(String s, int keyStart, int keyEnd) {
        if (keyEnd - keyStart < 13 || !s.startsWith("BUNDLE_", keyStart) || s.startsWith("BUNDLE_BUILD__", keyStart)
                || s.startsWith("BUNDLE_MIRROR__", keyStart)) {
            return false;
        }
        int last = s.lastIndexOf("__", keyEnd - 2);
        if (last < keyStart + 8 || keyEnd - last - 2 < 2 || keyEnd - last - 2 > 6) {
            return false;
        }
        for (int i = keyStart + 7; i < keyEnd; i++) {
            char c = s.charAt(i);
            if (!(Chars.upper(c) || Chars.digit(c) || c == '_') || i >= last + 2 && !Chars.upper(c)) {
                return false;
            }
        }
        return true;
    }

    /** Words that say a {@code user:password} pair follows on their line: "Login Successful: …", "valid credentials: …". */
    private static final String[] LOGIN_WORDS = {"login", "logon", "credential", "creds", "account", "auth"};
    /** How far before the user of such a pair the word may stand. */
    private static final int LOGIN_REACH = 48;

    /**
     * A {@code user:password} pair where its line says it is one, as credential scanners, brute-force tools and test
     * fixtures print what worked: "Login Successful: root:…", "valid credentials found: admin:…", "account ACME\svc:…".
     * The user ({@code s[user, sep)}) stands after a blank, a backslash or the line's start, the password follows the
     * colon directly and must look like one ({@link Values#passwordLike}: so host:port, a time and "user:alice" stay),
     * and one of {@link #LOGIN_WORDS} stands before the user on its line. Only the password goes. Returns where scanning
     * goes on.
     */
    private static int loginPair(Scan scan, int user, int sep) {
        String s = scan.text;
        if (sep + 1 >= s.length() || Chars.space(s.charAt(sep + 1)) || user == 0
                || !Chars.blank(s.charAt(user - 1)) && s.charAt(user - 1) != '\\') {
            return sep + 1;
        }
        int start = sep + 1;
        int end = plainEnd(s, start);
        if (Chars.indexOf(s, ':', start, end) >= 0 || !Values.passwordLike(s, start, end) || Values.hexId(s, start, end)
                || camel(s, user, sep) || portAndPath(s, start, end) || goField(s, user)) {
            return sep + 1;   // a field and its id, "ClientConnectionId:6c9b…", is no user and password; nor a host's
        }                     // port and path, httpie's GET localhost:8080/api or :8080/api
        for (int k = user - 1; k >= 0 && user - k <= LOGIN_REACH && s.charAt(k) != '\n'; k--) {
            char c = (char) (s.charAt(k) | 0x20);
            if (c != 'l' && c != 'c' && c != 'a') {
                continue;   // no word of the list starts so
            }
            for (String w : LOGIN_WORDS) {
                // "auth" as a word of its own (HAProxy's stats auth admin:…, a test's auth root:…), not "author"
                if (s.regionMatches(true, k, w, 0, w.length()) && (k == 0 || !Chars.letter(s.charAt(k - 1)))
                        && (!w.equals("auth") || k + 4 >= s.length() || !Chars.letter(s.charAt(k + 4)))) {
                    scan.add(SecretKind.PASSWORD, start, end);
                    return start;
                }
            }
        }
        return sep + 1;
    }

    /**
     * Whether the word at {@code user} is a field of a struct Go prints with {@code %+v}: a capital first, inside braces
     * that open on its line with another such {@code Field:} ({@code creds {Provider:static Source:EnvConfigCredentials}}),
     * whose value is the field's, not a login's password (a field named for a secret is judged by its name).
     */
    private static boolean goField(String s, int user) {
        if (!Chars.upper(s.charAt(user))) {
            return false;
        }
        for (int k = user - 1; k >= 0 && user - k <= 256 && s.charAt(k) != '\n' && s.charAt(k) != '}'; k--) {
            if (s.charAt(k) == '{') {
                int j = k + 1;
                while (j < user && Chars.alnum(s.charAt(j))) {
                    j++;
                }
                return j > k + 1 && j < user && s.charAt(j) == ':' && Chars.upper(s.charAt(k + 1));
            }
        }
        return false;
    }

    /** Whether {@code s[start, end)} is a port of 1 to 5 digits and perhaps a path after it: 8080, 8080/api/users. */
    private static boolean portAndPath(String s, int start, int end) {
        int k = start;
        while (k < end && Chars.digit(s.charAt(k))) {
            k++;
        }
        return k > start && k - start <= 5 && (k == end || s.charAt(k) == '/');
    }

    /** Whether {@code s[start, end)} has a capital after a small letter: a field's name, ClientConnectionId. */
    private static boolean camel(String s, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (Chars.upper(s.charAt(i)) && Chars.lower(s.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the colon at {@code sep} stands inside a configuration key's path, as .NET's configuration joins its
     * sections ({@code Authentication:Google:ClientSecret}; {@code dotnet user-secrets list} prints
     * {@code Authentication:Google:ClientSecret = …}, its {@code --json} form {@code "Authentication:Google:ClientSecret": "…"}):
     * what follows the colon runs on without a blank to the path's own separator, a quote and a colon where the key
     * opened with that quote, or {@code =} after blanks where the key starts its line. Only the path's last part
     * names the value; {@code auth: user:pw} and a quoted {@code "token:…"} with no separator after it are values.
     */
    static boolean keyPath(String s, int keyStart, int sep) {
        int e = sep + 1;
        if (e >= s.length() || !Chars.letter(s.charAt(e))) {
            return false;
        }
        while (e < s.length() && e - sep < 128 && (keyChar(s.charAt(e)) || s.charAt(e) == ':')) {
            e++;
        }
        if (e >= s.length()) {
            return false;
        }
        char q = s.charAt(e);
        if (q == '"' || q == '\'') {
            return keyStart > 0 && s.charAt(keyStart - 1) == q && e + 1 < s.length() && s.charAt(e + 1) == ':';
        }
        int eq = e;
        while (eq < s.length() && s.charAt(eq) == ' ') {
            eq++;
        }
        if (eq == e || eq + 1 >= s.length() || s.charAt(eq) != '=' || s.charAt(eq + 1) != ' ') {
            return false;
        }
        int b = keyStart;
        while (b > 0 && Chars.blank(s.charAt(b - 1))) {
            b--;
        }
        return b == 0 || s.charAt(b - 1) == '\n';
    }

    /**
     * Whether {@code s[start, end)} is a logger's name where a log line's format prints it, after the record's level:
     * Python's {@code %(levelname)s %(name)s: %(message)s} and its default {@code %(levelname)s:%(name)s:…}
     * ({@code ERROR onelogin.saml2.auth: invalid_response: …}), log4j's {@code %-5p %c: %m}. A module's dotted path,
     * lower case, its last part a subsystem's name ({@link #LOGGER_PARTS}: auth, login, sso...), no value's name;
     * the level starts its line or stands after a blank or a bracket (a timestamp's, a thread's). A property path
     * whose last part names a secret outright ({@code ERROR spring.datasource.password: …}) is not read so.
     */
    static boolean loggerName(String s, int start, int end, int sep) {
        int dot = s.lastIndexOf('.', end - 1);
        if (dot <= start || s.charAt(sep) != ':' || !Chars.isAnyExactly(s, dot + 1, end, LOGGER_PARTS)) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!(Chars.lower(c) || Chars.digit(c) || c == '.' || c == '_')) {
                return false;
            }
        }
        int k = start - 1;
        if (k < 0 || s.charAt(k) != ' ' && s.charAt(k) != ':') {
            return false;
        }
        while (k > 0 && s.charAt(k - 1) == ' ') {
            k--;   // the level padded to its width, INFO  app.auth:
        }
        int w = k;
        while (w > 0 && Chars.upper(s.charAt(w - 1))) {
            w--;
        }
        if (w == k || !Chars.isAnyExactly(s, w, k, LOG_LEVELS)) {
            return false;
        }
        return w == 0 || s.charAt(w - 1) == '\n' || s.charAt(w - 1) == ' ' || s.charAt(w - 1) == ']'
                || s.charAt(w - 1) == '[' || s.charAt(w - 1) == '|';
    }

    /** The last parts of a logger's name that name a subsystem, not a value: {@code onelogin.saml2.auth}. */
    static final String[] LOGGER_PARTS = {"auth", "oauth", "oauth2", "authn", "authz", "login", "sso",
            "saml", "saml2", "oidc", "security"};

    private static final String[] LOG_LEVELS = {"TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR",
            "CRITICAL", "FATAL", "SEVERE"};

    /**
     * Whether {@code s[start, end)} is a PowerShell command's name: {@link #cmdlet}'s Verb-Noun shape, the verb one of
     * PowerShell's approved verbs (Get-Verb) that a module's commands use ({@code Set-AzKeyVaultSecret},
     * {@code New-AzADServicePrincipal}, {@code Get-Secret}). A header's name ({@code Client-Secret}, {@code Api-Key})
     * starts with no such verb.
     */
    static boolean cmdletName(String s, int start, int end) {
        int dash = Chars.indexOf(s, '-', start, end);
        return dash > start && cmdlet(s, start, end) && Chars.isAnyExactly(s, start, dash, CMDLET_VERBS);
    }

    private static final String[] CMDLET_VERBS = {"Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Get",
            "Hide", "Join", "Lock", "Move", "New", "Open", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize",
            "Search", "Select", "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch", "Connect",
            "Disconnect", "Read", "Receive", "Send", "Write", "Backup", "Checkpoint", "Compare", "Compress", "Convert",
            "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand", "Export", "Group", "Import", "Initialize", "Limit",
            "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync", "Unpublish", "Update", "Approve", "Assert",
            "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke", "Register",
            "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
            "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace", "Block", "Grant", "Protect", "Revoke",
            "Unblock", "Unprotect", "Use"};

    /** Whether {@code s[start, end)} is a PowerShell command's name, Verb-Noun: Read-Host, ConvertTo-SecureString. */
    private static boolean cmdlet(String s, int start, int end) {
        int dash = Chars.indexOf(s, '-', start, end);
        if (dash <= start + 1 || dash >= end - 2 || !Chars.upper(s.charAt(start)) || !Chars.upper(s.charAt(dash + 1))) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (i != dash && !Chars.letter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the {@code >} closes bytes as Foundation prints an {@code NSData} ({@code <3f2a9c1d 8e7b6a5f>}: hexadecimal
     * digits in angle brackets, a blank after each group of eight), as a keychain item's {@code kSecValueData} is dumped;
     * {@code v} where the text is not so (a generic type, {@code <nil>}, an HTML tag).
     */
    private static int printedData(String s, int v) {
        if (v >= s.length() || s.charAt(v) != '<') {
            return v;
        }
        int i = v + 1;
        int group = 0;
        while (i < s.length() && i - v <= 1024) {
            char c = s.charAt(i);
            if (Chars.hex(c)) {
                group++;
            } else if (c == ' ' && group == 8) {
                group = 0;
            } else {
                break;
            }
            i++;
        }
        return i < s.length() && s.charAt(i) == '>' && i - v > 16 && group > 0 ? i : v;
    }

    /**
     * Where the {@code ]} closes a value that a log wraps in brackets, {@code password=[…] user=[bob]}: one token, no
     * blank, comma or quote in it, and a blank, a comma, another {@code ]} (Go's {@code map[Password:[…]]}), a {@code }}
     * (a Java map's last entry) or the line's end after the bracket (a list of values is no such thing); {@code v} where
     * the text is not so.
     */
    private static int bracketed(String s, int v) {
        if (v >= s.length() || s.charAt(v) != '[' || s.startsWith(Chars.TOKEN_PREFIX, v)) {
            return v;
        }
        int i = v + 1;
        while (i < s.length() && i - v <= 512 && !plainStop(s.charAt(i)) && s.charAt(i) != '[') {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != ']' || i == v + 1) {
            return v;
        }
        return i + 1 >= s.length() || Chars.space(s.charAt(i + 1)) || s.charAt(i + 1) == ','
                || s.charAt(i + 1) == ']'   // ']': the last of a Go map's, map[Password:[…]]
                || s.charAt(i + 1) == '}' ? i : v;   // '}': a Java map's last entry, as Spring's MultiValueMap prints
                                                      // a form: {grant_type=[password], client_secret=[…]}
    }

    /**
     * Where a connection string's value in braces closes, as SQL Server's ADO.NET and JDBC drivers and ODBC quote one that
     * holds a {@code ;} or a brace ({@code Password={pa;ss}}, {@code PWD={a}}b}}: {@code }}} is one brace): the closing
     * brace, followed by a {@code ;}, a quote or the line's end, where the value right after {@code =} opens with one and
     * has a password's shape ({@link Typed#secretShaped}); {@code v} otherwise, so a template's {@code {password}}, {@code
     * {0}}, {@code {{ .Values.pw }}} and a JSON object ({@code AZURE_CREDENTIALS={"clientId":…}}) stay.
     */
    private static int braced(String s, int v) {
        if (v < 1 || v + 2 >= s.length() || s.charAt(v) != '{' || s.charAt(v - 1) != '=' || s.charAt(v + 1) == '{') {
            return v;
        }
        int i = v + 1;
        while (i < s.length() && i - v <= 256 && s.charAt(i) != '\n') {
            if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                return v;   // an object's JSON, AZURE_CREDENTIALS={"clientId":…}: read as JSON
            }
            if (s.charAt(i) == '}') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '}') {
                    i += 2;
                    continue;
                }
                break;
            }
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '}' || i + 1 < s.length() && ";\"'\r\n".indexOf(s.charAt(i + 1)) < 0) {
            return v;
        }
        return Typed.secretShaped(s, v + 1, i) ? i : v;
    }

    /** Words that declare a name in code, before a name and its type: Rust, TypeScript, Kotlin, Swift, Scala, Go. */
    private static final String[] DECLARATIONS = {"let", "const", "val", "var", "static", "mut", "readonly", "private",
        "public", "protected", "internal", "pub", "final", "lateinit", "override"};

    /**
     * Whether the name at {@code keyStart} is declared in code: a declaring word right before it ({@code let},
     * {@code const}, {@code val}, {@code readonly}…) or nothing but indentation (a Python annotation, a field).
     */
    private static boolean declared(String s, int keyStart) {
        int k = keyStart - 1;
        if (k < 0 || s.charAt(k) == '\n') {
            return true;
        }
        if (!Chars.blank(s.charAt(k))) {
            return false;
        }
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k < 0 || s.charAt(k) == '\n') {
            return true;
        }
        int end = k + 1;
        while (k >= 0 && Chars.letter(s.charAt(k))) {
            k--;
        }
        return (k < 0 || !Chars.alnum(s.charAt(k))) && Chars.isAny(s, k + 1, end, DECLARATIONS);
    }

    /**
     * Where the value starts after a name's type annotation at {@code v}, {@code &str = "…"}, {@code Optional[str] =
     * …}, {@code string = '…'}: past the type (letters, digits and {@code & ' < > [ ] . : ? *}, blanks only inside
     * brackets) and its {@code =}; {@code v} where no type and {@code =} stand there.
     */
    private static int typeAnnotation(String s, int v) {
        if (v >= s.length() || !(Chars.letter(s.charAt(v)) || s.charAt(v) == '&' || s.charAt(v) == '[')) {
            return v;
        }
        int depth = 0;
        int i = v;
        while (i < s.length() && i - v <= 48) {
            char c = s.charAt(i);
            if (c == '<' || c == '[' || c == '(') {
                depth++;
            } else if (c == '>' || c == ']' || c == ')') {
                depth--;
            } else if (c == '=' && depth <= 0) {
                break;
            } else if (c == '\n' || !(Chars.word(c) || c == ' ' || "&'.:?*,|".indexOf(c) >= 0)) {
                return v;   // a quote, a brace: a value, not a type (Rust's &'static str and &mut T have blanks)
            }
            i++;
        }
        if (depth != 0 || i + 1 >= s.length() || s.charAt(i) != '=' || s.charAt(i + 1) == '=' || s.charAt(i + 1) == '>'
                || i == v || !Chars.blank(s.charAt(i - 1))) {
            return v;
        }
        i++;
        while (i < s.length() && Chars.blank(s.charAt(i))) {
            i++;
        }
        // a constructor around the literal: String::from("…"), SecretString::new("…"), new String("…")
        int call = s.startsWith("new ", i) ? i + 4 : i;
        int k = call;
        while (k < s.length() && k - call <= 40 && (Chars.word(s.charAt(k)) || s.charAt(k) == ':' || s.charAt(k) == '.')) {
            k++;
        }
        if (k > call && k + 1 < s.length() && s.charAt(k) == '(' && (s.charAt(k + 1) == '"' || s.charAt(k + 1) == '\'')) {
            return k + 1;
        }
        return i;
    }

    /** {@link #claim}s the bracketed value {@code s[start, end)}, judged as an unquoted one would be. */
    private static int claimBracketed(Scan scan, KeyNames.Key key, int start, int end, boolean prose, boolean bare,
            int sep) {
        String s = scan.text;
        if (prose && !Judge.inProse(key, s, start, end) || bare && !Values.mixedCase(s, start, end)) {
            return sep + 1;
        }
        return claim(scan, key, start, end, true, sep);
    }

    /**
     * A value alone on the line after its name, indented deeper than the name ({@code password:} then {@code     …}), as
     * YAML's plain multi-line scalars, list items ({@code - …}) and tools that print a label above its value write it:
     * where that value starts, or {@code v} when the text is not so (the name's line goes on, the next line is no
     * deeper, or it holds more than one token: a nested {@code key: value}).
     */
    private static int nextLine(String s, int v, int keyStart) {
        if (v >= s.length() || s.charAt(v) != '\n' && s.charAt(v) != '\r') {
            return v;
        }
        int line = keyStart;
        while (line > 0 && s.charAt(line - 1) != '\n') {
            line--;
        }
        int indent = Chars.skipBlanks(s, line) - line;
        int i = v + (s.charAt(v) == '\r' && v + 1 < s.length() && s.charAt(v + 1) == '\n' ? 2 : 1);
        int start = i;
        i = Chars.skipBlanks(s, i);
        if (i - start <= indent) {
            return v;
        }
        if (i + 1 < s.length() && s.charAt(i) == '-' && s.charAt(i + 1) == ' ') {
            i = Chars.skipBlanks(s, i + 1);   // a list item
        }
        int end = i;
        while (end < s.length() && !Chars.space(s.charAt(end))) {
            end++;
        }
        int after = Chars.skipBlanks(s, end);
        return end > i && (after >= s.length() || s.charAt(after) == '\n' || s.charAt(after) == '\r') ? i : v;
    }

    /**
     * PHP's var_dump puts the value of {@code ["password"]=>} on the next line as {@code string(7) "hunter2"}: where
     * that value starts, or {@code v} when the text is not so.
     */
    private static int phpDumpValue(String s, int v) {
        int i = v;
        while (i < s.length() && i - v <= 16 && Chars.space(s.charAt(i))) {
            i++;
        }
        if (!s.startsWith("string(", i)) {
            return v;
        }
        int j = i + 7;
        while (j < s.length() && j - i <= 16 && Chars.digit(s.charAt(j))) {
            j++;
        }
        return j > i + 7 && j + 1 < s.length() && s.charAt(j) == ')' && s.charAt(j + 1) == ' ' ? j + 2 : v;
    }

    /**
     * Whether a short word of small letters starts at {@code v} right after a colon and ends at a blank, a {@code *}, a
     * quote, a comma, another colon or the end: a debug library's namespace ({@code DEBUG=pw:api}, {@code pw:browser*},
     * {@code pg:pool}), which an abbreviated password name ({@code pw}, {@code pwd}) can look like.
     */
    private static boolean namespace(String s, int v) {
        int j = v;
        while (j < s.length() && j - v <= 12 && Chars.lower(s.charAt(j))) {
            j++;
        }
        return j - v >= 2 && j - v <= 12 && (j == s.length() || " \t\n\r*\"',:".indexOf(s.charAt(j)) >= 0);
    }

    private static boolean keyChar(char c) {
        return Chars.word(c) || c == '-' || c == '.';
    }

    /** Whether a bare key could start at {@code i}: at the start, or after anything but a word. */
    /**
     * Whether the key {@code s[keyStart, keyEnd)} is the property path of a method's parameter, {@code
     * method.argN.…}, as Hibernate Validator's ConstraintViolationException prints each violation ({@code
     * createCustomer.arg0.password: must be a well-formed email address}; argN where the class was compiled without
     * -parameters), and the value read, {@code [start, end)}, is small letters followed by a blank and a letter: the
     * constraint's message, in whatever language the validator speaks ({@code musí byť…}, {@code doit être…}), and
     * no value. A value alone after such a path ({@code createCustomer.arg0.password: Xk29…}) still goes.
     */
    private static boolean violationPath(String s, int keyStart, int keyEnd, int start, int end) {
        if (end + 1 >= s.length() || s.charAt(end) != ' ' || !Character.isLetter(s.charAt(end + 1))) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Character.isLowerCase(s.charAt(i))) {
                return false;   // a message's first word is small letters alone: hunter2 x is a value and a word
            }
        }
        for (int a = Chars.indexOf(s, '.', keyStart + 1, keyEnd); a > 0; a = Chars.indexOf(s, '.', a + 1, keyEnd)) {
            int d = a + 4;
            while (d < keyEnd && d - a < 7 && Chars.digit(s.charAt(d))) {
                d++;
            }
            if (d > a + 4 && d < keyEnd && s.charAt(d) == '.' && s.startsWith("arg", a + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean keyCanStart(String s, int i) {
        int k = i - 1;
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        return k < 0 || !Chars.alnum(s.charAt(k));
    }

    /**
     * Where an unquoted value ends: at a blank, at punctuation that closes or separates, at an {@code &}
     * that starts the next {@code name=} of a query string ({@code Tr0ub4dor&3} is one password), or at a {@code |}
     * where the line is a record of fields that pipes separate ({@link #piped}).
     */
    private static int plainEnd(String s, int start) {
        int i = start;
        while (true) {
            while (i < s.length() && !plainStop(s.charAt(i)) && !(s.charAt(i) == '&' && nextParameter(s, i + 1))
                    && !(s.charAt(i) == '|' && piped(s, start))) {
                i++;
            }
            // APP_KEYS=k1,k2: a comma with no blank after it goes on with the value, unless a name= follows
            if (i + 1 < s.length() && i > start && s.charAt(i) == ',' && !plainStop(s.charAt(i + 1))
                    && !nextKey(s, i + 1)) {
                i++;
                continue;
            }
            // in a JSON string, password=pa\\ss holds a backslash and password=pa\"ss a quote: the value goes on (an
            // escaped quote that ends a quoted setting, "password=x\"}, is followed by what stops a value, and a
            // backslash before a letter is an escape such as \n)
            if (i > start && i < s.length() && s.charAt(i) == '\\') {
                int run = i;
                while (run < s.length() && s.charAt(run) == '\\') {
                    run++;
                }
                int k = run - i;
                if (run + 1 < s.length() && s.charAt(run) == '"' && k % 2 == 1
                        && (!plainStop(s.charAt(run + 1)) || s.charAt(run + 1) == '\\')
                        && !quotedThenColon(s, run + 1)) {
                    i = run + 1;
                    continue;
                }
                if (run < s.length() && k % 2 == 0 && !plainStop(s.charAt(run)) && !escapeLetter(s.charAt(run))) {
                    i = run;
                    continue;
                }
            }
            return i;
        }
    }

    /**
     * Whether a colon or a full stop, then a blank or the end, follows the escaped quote before {@code i}: the quote
     * closes a value that Go's {@code %q} quoted inside a quoted log field ({@code error="Post \"https://…?
     * client_secret=…\": dial tcp …"}, as logfmt writes a Go error), so the value ends before the backslash.
     */
    private static boolean quotedThenColon(String s, int i) {
        char c = s.charAt(i);
        return (c == ':' || c == '.') && (i + 1 == s.length() || Chars.space(s.charAt(i + 1)));
    }

    /**
     * Whether a {@code |} stands before {@code start} on its line: the value is a field of a record that pipes separate
     * (p6spy's {@code …|url jdbc:mysql://…&password=…|insert into …}, a psql row, an HL7 segment), where a pipe inside
     * a field would have split the record, so the next one ends the value ({@code a|b} with no pipe before is one).
     */
    private static boolean piped(String s, int start) {
        for (int k = start - 1; k >= 0 && start - k <= 1024 && s.charAt(k) != '\n'; k--) {
            if (s.charAt(k) == '|') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the key at {@code s[keyStart, sep)} is a field of a Go struct as {@code %+v} prints it and its value is
     * empty: one blank after the colon, then the next field's {@code Name:} (its value or its own emptiness after it),
     * its name capital where the key's is (a password such as {@code hunter:Ab12…} after {@code Password: } still
     * goes), the field not the struct's first (a blank before it) and the struct opening with a field written {@code
     * {Name:value}}, no blank after its colon. {@code v} is where the value would start.
     */
    private static boolean goEmpty(String s, int keyStart, int sep, int v) {
        if (v != sep + 2 || s.charAt(sep + 1) != ' ' || keyStart < 1 || s.charAt(keyStart - 1) != ' ') {
            return false;
        }
        int j = v;
        while (j < s.length() && j - v <= KeyNames.MAX_LENGTH && (Chars.letter(s.charAt(j)) || Chars.digit(s.charAt(j))
                || s.charAt(j) == '_')) {
            j++;
        }
        if (j == v || !Chars.letter(s.charAt(v)) || j >= s.length() || s.charAt(j) != ':'
                || Character.isUpperCase(s.charAt(v)) != Character.isUpperCase(s.charAt(keyStart))) {
            return false;
        }
        char after = j + 1 < s.length() ? s.charAt(j + 1) : '}';
        if (after == '/' || after == ':' || after == '=' || after == '\n' || after == '\r') {
            return false;   // a URL's scheme, a user:password pair goes on being a value
        }
        int open = keyStart - 1;
        while (open >= 0 && keyStart - open <= 400 && s.charAt(open) != '{' && s.charAt(open) != '}'
                && s.charAt(open) != '\n') {
            open--;
        }
        if (open < 0 || s.charAt(open) != '{') {
            return false;
        }
        int f = open + 1;
        while (f < keyStart && (Chars.letter(s.charAt(f)) || Chars.digit(s.charAt(f)) || s.charAt(f) == '_')) {
            f++;
        }
        return f > open + 1 && Chars.letter(s.charAt(open + 1)) && f + 1 < keyStart && s.charAt(f) == ':'
                && !Chars.space(s.charAt(f + 1));
    }

    /**
     * What the field that holds an Envoy DataSource (its {@code inline_string} or {@code inline_bytes} at {@code
     * keyStart}) is named as a key: the name before the brace that opens the DataSource's object, {@code "private_key":
     * {"inline_string": …}}, {@code secret: {inline_string: …}} (JSON or YAML's flow style, on one line or several).
     * A certificate chain's or a filename's holder is no secret's name, and its inline value stays. A DynamoDB attribute
     * value is read the same way, its type's letter ({@code S}, {@code N}, {@code B}) in the place of {@code inline_string}:
     * {@code apiKey: { S: '…' }} (the AWS SDK's dump of an {@code Item}), {@code "token": {"S": "…"}} (boto3's).
     */
    private static KeyNames.Key dataSourceHolder(Scan scan, int keyStart) {
        String s = scan.text;
        int end = holderEnd(s, keyStart);
        if (end < 0) {
            return KeyNames.Key.NONE;
        }
        int k = end - 1;
        while (k >= 0 && end - k <= KeyNames.MAX_LENGTH && keyChar(s.charAt(k))) {
            k--;
        }
        return end - (k + 1) < 2 ? KeyNames.Key.NONE : KeyNames.classify(scan, k + 1, end);
    }

    /**
     * Composer's auth.json names its maps from hosts to a token by the provider and "oauth" ({@code "github-oauth":
     * {"github.com": "…"}}, {@code "gitlab-oauth"}): the map whose name ends in {@code -oauth} holds the tokens, as
     * {@code "gitlab-token"} does (a bare "oauth" key names a whole configuration elsewhere, so only here).
     */
    private static boolean oauthHolder(String s, int keyStart) {
        int end = holderEnd(s, keyStart);
        return end > 6 && s.regionMatches(true, end - 6, "-oauth", 0, 6) && keyChar(s.charAt(end - 7));
    }

    /** Where the name of the object that holds the key at {@code keyStart} ends ({@code "holder": {"key": …}}); -1. */
    private static int holderEnd(String s, int keyStart) {
        int open = keyStart - 1;
        while (open >= 0 && keyStart - open <= 200 && s.charAt(open) != '{' && s.charAt(open) != '}'
                && s.charAt(open) != ',') {
            open--;
        }
        if (open < 1 || s.charAt(open) != '{') {
            return -1;
        }
        int k = open - 1;
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k < 1 || s.charAt(k) != ':') {
            return -1;
        }
        k--;
        if (s.charAt(k) == '"' || s.charAt(k) == '\'') {
            k--;
        }
        return k + 1;
    }

    /**
     * Whether a one-time code's 4 to 8 digits, quoted or not, stand at {@code v} (past blanks) and end there: the value
     * of a bare {@code mfa} or {@code 2fa} key ({@code mfa: 482913}, {@code "2fa": "0451"}), which alone names a
     * setting ({@code mfa: enabled}, {@code mfa: required}) and so goes only when it is a code.
     */
    private static boolean secondFactorCode(String s, int v) {
        v = Chars.skipBlanks(s, v);
        int q = Quotes.open(s, v);
        int start = v + q;
        int end = start;
        while (end < s.length() && Chars.digit(s.charAt(end))) {
            end++;
        }
        return end - start >= 4 && end - start <= 8 && (end == s.length() || !Chars.word(s.charAt(end))
                && s.charAt(end) != '.' && s.charAt(end) != ':' && s.charAt(end) != '-');
    }

    /** How far back a secret version's name may stand from its payload ({@link #secretPayload}). */
    private static final int SECRET_VERSION_WINDOW = 1500;

    /**
     * Whether the quoted key {@code s[keyStart, keyEnd)} is {@code data} in a {@code payload} object, a secret
     * version's value as Google Cloud Secret Manager's {@code versions/…:access} answers it ({@code {"name":
     * "projects/…/secrets/db-password/versions/3", "payload": {"data": "<base64>", "dataCrc32c": "…"}}}) and
     * {@code gcloud --log-http} or a client's debug log prints the response: the version's resource name, with
     * {@code /secrets/} and {@code /versions/} in it, stands before (the response's name or the request's URI). A
     * payload's data elsewhere (a webhook's, a queue message's) stays.
     */
    private static boolean secretPayload(String s, int keyStart, int keyEnd) {
        if (!Chars.is(s, keyStart, keyEnd, "data") || keyStart < 12) {
            return false;
        }
        int k = keyStart - 2;   // before the key's opening quote
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k < 0 || s.charAt(k) != '{') {
            return false;
        }
        k--;
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k < 9 || s.charAt(k) != ':' || !s.regionMatches(true, k - 9, "\"payload\"", 0, 9)) {
            return false;
        }
        int from = Math.max(0, k - SECRET_VERSION_WINDOW);
        for (int i = k - 9; i >= from; i--) {   // within the window only: a long log may hold many payloads
            if (s.charAt(i) == '/' && s.startsWith("/secrets/", i)) {
                return Chars.contains(s, i + 9, k, "/versions/", false);
            }
        }
        return false;
    }

    /**
     * A DynamoDB single-table key whose type, before its {@code #}, names a secret: {@code pk: { S: 'SESSION#8445…' }},
     * {@code "SK": {"S": "TOKEN#…"}}. The type stays (what the item is), the id after it goes when it looks random
     * ({@link Judge#value}, as the type's name would judge it); {@code CUSTOMER#…} and {@code ORDER#…} keep theirs.
     */
    private static void compositeKey(Scan scan, int sep) {
        String s = scan.text;
        int v = Chars.skipBlanks(s, sep + 1);
        int q = Quotes.open(s, v);
        if (q != 1) {
            return;
        }
        int start = v + 1;
        int hash = start;
        while (hash < s.length() && hash - start <= 32 && (Chars.letter(s.charAt(hash)) || s.charAt(hash) == '_')) {
            hash++;
        }
        if (hash == start || hash >= s.length() || s.charAt(hash) != '#') {
            return;
        }
        KeyNames.Key type = KeyNames.classify(scan, start, hash);
        if (type == KeyNames.Key.NONE) {
            return;
        }
        int end = Quotes.close(s, start, q);
        if (end >= s.length() || s.charAt(end) != s.charAt(v) || end == hash + 1) {
            return;
        }
        SecretKind kind = Judge.value(type, s, hash + 1, end);
        if (kind != null) {
            scan.add(kind, hash + 1, end);
        }
    }

    /**
     * Whether the name {@code s[keyStart, keyEnd)} is a signature scheme's version, {@code v1} or {@code v0}, after the
     * timestamp of a webhook's signature header as Stripe writes it ({@code t=1717243502,v1=…,v0=…}; Stripe's, and the
     * SDKs' logs and errors that print it, under any name): what follows is the HMAC of the payload.
     */
    private static boolean signatureScheme(String s, int keyStart, int keyEnd) {
        if (keyEnd - keyStart != 2 || s.charAt(keyStart) != 'v' || !Chars.digit(s.charAt(keyStart + 1))
                || keyStart < 5 || s.charAt(keyStart - 1) != ',') {
            return false;
        }
        int k = keyStart - 2;   // back over the previous pairs (v1=…,v0=…) to the timestamp's t=
        while (k > 0 && keyStart - k < 600 && s.charAt(k) != '=' ) {
            k--;
        }
        for (int pair = 0; pair < 4 && k > 1; pair++) {
            int digits = k + 1;
            while (digits < keyStart - 1 && Chars.digit(s.charAt(digits))) {
                digits++;
            }
            if (s.charAt(k - 1) == 't' && digits > k + 1 && s.charAt(digits) == ','
                    && (k < 2 || !Chars.alnum(s.charAt(k - 2)))) {
                return true;
            }
            if (k < 3 || s.charAt(k - 2) != 'v' || s.charAt(k - 3) != ',') {
                return false;
            }
            k -= 4;
            while (k > 0 && s.charAt(k) != '=') {
                k--;
            }
        }
        return false;
    }

    /** The private members of a JSON Web Key (RFC 7518): an EC or OKP key's d, an RSA key's d, primes and CRT values. */
    private static final String[] JWK_PRIVATE = {"d", "p", "q", "dp", "dq", "qi"};
    /** How far from a JWK's member its object's braces may stand: an RSA modulus runs to hundreds of characters. */
    private static final int JWK_REACH = 8192;

    /**
     * Whether the quoted name at {@code s[keyStart, keyEnd)} is one of {@link #JWK_PRIVATE} in a JSON object that has a
     * {@code "kty"} member, as a JSON Web Key is written: its public members ({@code x}, {@code y}, {@code n},
     * {@code e}) and a {@code "d"} of any other object are no such member.
     */
    private static boolean jwkPrivate(String s, int keyStart, int keyEnd) {
        if (keyEnd - keyStart > 2 || !Chars.isAnyExactly(s, keyStart, keyEnd, JWK_PRIVATE)) {
            return false;
        }
        int open = keyStart - 1;
        while (open >= 0 && keyStart - open <= JWK_REACH && s.charAt(open) != '{' && s.charAt(open) != '}') {
            open--;
        }
        if (open < 0 || s.charAt(open) != '{') {
            return false;
        }
        int close = keyEnd;
        while (close < s.length() && close - keyEnd <= JWK_REACH && s.charAt(close) != '}' && s.charAt(close) != '{') {
            close++;
        }
        int kty = s.indexOf("\"kty\"", open);
        if (kty >= 0 && kty < close) {
            return true;
        }
        // no "kty" (QuestDB's ILP auth key, {"kid":…,"d":…,"x":…,"y":…}): an EC key still by its members, d beside an x
        // and a y of one length, Base64url of 43 characters or more (a P-256 coordinate's 32 bytes, P-384's, P-521's)
        if (keyEnd - keyStart != 1 || s.charAt(keyStart) != 'd') {
            return false;
        }
        int x = coordinate(s, open, close, "\"x\":\"");
        return x >= 43 && coordinate(s, open, close, "\"y\":\"") == x;
    }

    /** The length of the Base64url string after {@code member} (a JSON name, its colon, the opening quote) within the object, or -1. */
    private static int coordinate(String s, int open, int close, String member) {
        int at = s.indexOf(member, open);
        if (at < 0 || at >= close) {
            return -1;
        }
        int start = at + member.length();
        int end = start;
        while (end < close && (Chars.alnum(s.charAt(end)) || s.charAt(end) == '-' || s.charAt(end) == '_')) {
            end++;
        }
        return end < close && s.charAt(end) == '"' ? end - start : -1;
    }

    /** Whether {@code name=} or {@code name:} starts at {@code i}. */
    private static boolean nextKey(String s, int i) {
        int j = i;
        while (j < s.length() && j - i <= KeyNames.MAX_LENGTH && keyChar(s.charAt(j))) {
            j++;
        }
        return j > i && j + 1 < s.length() && (s.charAt(j) == '=' || s.charAt(j) == ':')
                && s.charAt(j + 1) != '=' && !Chars.space(s.charAt(j + 1)) && s.charAt(j + 1) != ','
                || taggedName(s, i);
    }

    /**
     * Whether a span tag's name and its mark start at {@code i}, as dd-trace's debug log lists a span's tags ({@code
     * Tags: [http.url (tag):https://…?access_token=…,http.status_code (tag):500,]}, numbers as {@code (metric):}): the
     * comma before it ends the value before.
     */
    static boolean taggedName(String s, int i) {
        int j = i;
        while (j < s.length() && j - i <= KeyNames.MAX_LENGTH && keyChar(s.charAt(j))) {
            j++;
        }
        return j > i && tagMark(s, j + 1) > 0 && s.charAt(j) == ' ';
    }

    /** Where the value after dd-trace's {@code (tag):} or {@code (metric):} mark at {@code i} starts, or -1. */
    static int tagMark(String s, int i) {
        return s.startsWith("(tag):", i) ? i + 6 : s.startsWith("(metric):", i) ? i + 9 : -1;
    }

    /** The letters of JSON's escapes: after an escaped backslash they are a newline or a tab one level down. */
    private static boolean escapeLetter(char c) {
        return c == 'n' || c == 'r' || c == 't' || c == 'u' || c == 'b' || c == 'f';
    }

    private static boolean plainStop(char c) {
        return Chars.space(c) || c == ',' || c == ';' || c == '"' || c == '\'' || c == '`' || c == '<'
                || c == '>' || c == ')' || c == ']' || c == '}' || c == '\\';
    }

    private static boolean nextParameter(String s, int i) {
        int j = i;
        while (j < s.length() && j - i <= KeyNames.MAX_LENGTH && (keyChar(s.charAt(j)) || s.charAt(j) == '['
                || s.charAt(j) == ']')) {   // user[name]=

            j++;
        }
        return j > i && (j == s.length() || s.charAt(j) == '=' || s.charAt(j) == '&');
    }

    /** Authorization and cookie headers count wherever they stand: {@code extraheader AUTHORIZATION: basic …}. */
    private static boolean header(KeyNames.Key key) {
        return key == KeyNames.Key.AUTHORIZATION || key == KeyNames.Key.COOKIE;
    }

    /**
     * Whether the key {@code s[start, end)} is spelt as an identifier, not a word of prose: with {@code _ - .}, in
     * camel case or in capitals ({@code TEST_USER_PASSWORD: …} after a CI log's timestamp counts; "Invalid
     * password: too short" does not).
     */
    static boolean identifier(String s, int start, int end) {
        boolean lower = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '_' || c == '-' && i > start || c == '.' && i > start) {
                return true;
            }
            if (Chars.upper(c) && lower) {
                return true;
            }
            lower |= Chars.lower(c);
        }
        return !lower && end - start >= 3;
    }

    /**
     * Where the secret of an Unleash API token in {@code s[start, end)} starts, after its scope: Unleash's documented
     * {@code <project>:<environment>.<secret>} ({@code *:development.…}, {@code default:production.…},
     * {@code []:staging.…}), the project {@code *}, {@code []} or a name, the environment {@code *} or a name; -1 when
     * the value is not so. The scope says which project and environment were refused; the secret goes.
     */
    static int unleashSecret(String s, int start, int end) {
        int i = start;
        if (i < end && s.charAt(i) == '*') {
            i++;
        } else if (s.startsWith("[]", i)) {
            i += 2;
        } else {
            while (i < end && i - start <= 64 && (Chars.alnum(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')) {
                i++;
            }
        }
        if (i == start || i >= end || s.charAt(i) != ':') {
            return -1;
        }
        int env = ++i;
        if (i < end && s.charAt(i) == '*') {
            i++;
        } else {
            while (i < end && i - env <= 64 && (Chars.alnum(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')) {
                i++;
            }
        }
        return i > env && i + 1 < end && s.charAt(i) == '.' ? i + 1 : -1;
    }

    /**
     * A small word indexed by a small word in brackets, {@code req[cookie]}: a format's token or an expression naming
     * where the credential is read (morgan's {@code :req[authorization] :req[cookie]}, {@code headers[x-api-key]}), not
     * one; no generated credential holds brackets.
     */
    private static boolean indexed(String s, int start, int end) {
        int open = Chars.indexOf(s, '[', start, end);
        if (open <= start || s.charAt(end - 1) != ']' || end - open < 3) {
            return false;
        }
        for (int i = start; i < end - 1; i++) {
            char c = s.charAt(i);
            if (i != open && !Chars.lower(c) && !(i > open && (c == '-' || c == '_'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Chars.digit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code Authorization: <scheme> <credentials>}: Basic credentials are a password, any other scheme's a
     * bearer token (Digest's parameters are left to the other detectors); a value without a scheme is a token
     * if it looks like one.
     */
    private static int authorization(Scan scan, int start, int end, int sep) {
        String s = scan.text;
        int i = start;
        while (i < end && (Chars.alnum(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
        }
        int schemeEnd = i;
        while (i < end && Chars.blank(s.charAt(i))) {
            i++;
        }
        if (i > schemeEnd && !scheme(s, start, schemeEnd) && vendorScheme(s, start, schemeEnd)) {
            // RFC 9110's credentials = auth-scheme 1*SP token68: a vendor's own scheme word (GenieKey, Klaviyo-API-Key)
            // before a token68 that looks generated and ends the value is that scheme's credential
            int credEnd = Bearer.credentialsEnd(s, i, end);
            if (credEnd > i && (credEnd == end || Chars.space(s.charAt(credEnd)))
                    && Values.secretLike(s, i, credEnd) && Chars.lettersAndDigits(s, i, credEnd)) {
                scan.add(SecretKind.BEARER_TOKEN, i, credEnd);
                return credEnd;
            }
        }
        if (i == schemeEnd || !scheme(s, start, schemeEnd)) {
            // no scheme: the value is the credential itself, up to a blank (Authorization: 0b4d…, Authorization=pw)
            int credEnd = start;
            while (credEnd < end && !Chars.space(s.charAt(credEnd))) {
                credEnd++;
            }
            int secret = unleashSecret(s, start, credEnd);
            if (secret > 0) {
                int secretEnd = secret;
                while (secretEnd < credEnd && (Chars.alnum(s.charAt(secretEnd)) || s.charAt(secretEnd) == '-'
                        || s.charAt(secretEnd) == '_')) {
                    secretEnd++;
                }
                if (secretEnd - secret >= 20 && Values.secretLike(s, secret, secretEnd)) {
                    scan.add(SecretKind.BEARER_TOKEN, secret, secretEnd);   // the project and environment stay
                    return secretEnd;
                }
            }
            if (Values.secretLike(s, start, credEnd) && !indexed(s, start, credEnd)) {
                scan.add(SecretKind.BEARER_TOKEN, start, credEnd);
                return start;
            }
            return sep + 1;
        }
        if (Chars.is(s, start, schemeEnd, "digest")) {
            return sep + 1;   // Digest's parameters (response=, nonce=) are the key-value rules'
        }
        int credEnd = Bearer.credentialsEnd(s, i, end);
        if (credEnd == i || credEnd < end && s.charAt(credEnd) == '=' || Values.placeholder(s, i, credEnd)) {
            return sep + 1;
        }
        boolean basic = Chars.is(s, start, schemeEnd, "basic");
        if (credEnd + 1 < end && s.charAt(credEnd) == ':' && Chars.isAny(s, start, schemeEnd, SHARED_KEY)) {
            // Azure Storage's SharedKey <account>:<signature>: the account stays, the signature goes
            int k = credEnd + 1;
            while (k < end && !Chars.space(s.charAt(k)) && s.charAt(k) != '"' && s.charAt(k) != '\'') {
                k++;
            }
            if (k > credEnd + 1 && !Values.placeholder(s, credEnd + 1, k)) {
                scan.add(SecretKind.GENERIC_SECRET, credEnd + 1, k);
            }
            return k;
        }
        if (basic && Values.exampleLogin(s, i, credEnd)) {
            return credEnd;   // Basic dGVzdDp0ZXN0, test:test: a test double's example, no account's
        }
        if (!basic && Values.exampleToken(s, i, credEnd)) {
            return credEnd;   // Bearer token, Bearer test: a test double's word where the token goes, no issued one
        }
        if (basic && credEnd + 1 < end && s.charAt(credEnd) == ':' && userName(s, i, credEnd)) {
            // Basic <user>:<password>, as HTTP client files write it before encoding (httpYac's): the user stays, and a
            // template's variable ({{PASSWORD}}) is no password
            int k = credEnd + 1;
            while (k < end && !Chars.space(s.charAt(k))) {
                k++;
            }
            if (k > credEnd + 1 && !Values.placeholder(s, credEnd + 1, k)) {
                scan.add(SecretKind.PASSWORD, credEnd + 1, k);
            }
            return k;
        }
        int second = basic && userName(s, i, credEnd) ? plainPassword(s, credEnd, end) : -1;
        if (second > credEnd) {
            // Basic <user> <password>, as HTTP client files write it before encoding (IntelliJ's, REST Client's): the
            // user stays
            scan.add(SecretKind.PASSWORD, credEnd + 1, second);
            return credEnd + 1;
        }
        scan.add(basic ? SecretKind.PASSWORD : SecretKind.BEARER_TOKEN, i, credEnd);
        return i;
    }

    /**
     * Where a second word that ends the header's line ends, when one blank parts it from Basic credentials ending at
     * {@code credEnd}: the password of {@code Basic <user> <password>}; -1 where the credentials end the line or more
     * text follows.
     */
    private static int plainPassword(String s, int credEnd, int end) {
        if (credEnd + 1 >= end || s.charAt(credEnd) != ' ' || Chars.space(s.charAt(credEnd + 1))
                || s.charAt(credEnd + 1) == '(' || s.charAt(credEnd + 1) == '[') {
            return -1;   // a note after encoded credentials, "(truncated)"
        }
        int k = credEnd + 1;
        while (k < end && !Chars.space(s.charAt(k))) {
            k++;
        }
        int after = k;
        while (after < s.length() && Chars.blank(s.charAt(after))) {
            after++;
        }
        return after >= s.length() || s.charAt(after) == '\n' || s.charAt(after) == '\r' ? k : -1;
    }

    /**
     * Whether Basic's first word {@code s[start, end)} reads as a user's name rather than encoded credentials: short, or
     * with a sign base64 has no use for ({@code svc-e2e}, {@code ci.bot}, {@code ann@acme.test}), and no padding.
     */
    private static boolean userName(String s, int start, int end) {
        if (s.charAt(end - 1) == '=') {
            return false;
        }
        if (end - start < 8) {
            return true;
        }
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '-' || c == '.' || c == '_' || c == '@') {
                return true;
            }
        }
        return false;
    }

    /** Authentication schemes of the HTTP registry and the common vendor ones. */
    private static final String[] SCHEMES = {"basic", "bearer", "token", "digest", "negotiate", "ntlm", "hoba",
            "mutual", "vapid", "dpop", "gssapi", "oauth", "apikey", "api-key", "jwt", "key", "sso-key", "scram-sha-1",
            "scram-sha-256", "aws4-hmac-sha256", "splunk", "ghp", "session", "signature", "otp", "privatetoken",
            "ssws",   // Okta's API tokens: Authorization: SSWS <token>
            "sharedkey", "sharedkeylite"};   // Azure Storage's: SharedKey <account>:<signature>
    private static final String[] SHARED_KEY = {"sharedkey", "sharedkeylite"};

    private static boolean scheme(String s, int start, int end) {
        return Chars.isAny(s, start, end, SCHEMES);
    }

    /**
     * Whether {@code s[start, end)} reads as an auth-scheme word of a vendor's own: 3 to 24 characters of letters and
     * hyphens, starting with a capital (GenieKey, Klaviyo-API-Key); a lower-case word or one with digits is prose
     * ("Authorization: failed", "Authorization: required") or a credential.
     */
    private static boolean vendorScheme(String s, int start, int end) {
        if (end - start < 3 || end - start > 24 || !Chars.upper(s.charAt(start))) {
            return false;
        }
        boolean lower = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.upper(c) && !Chars.lower(c) && c != '-') {
                return false;
            }
            lower |= Chars.lower(c);
        }
        return lower;
    }

    /**
     * The values of a cookie header, {@code name=value; name=value}: a session cookie's as a session id, the
     * others' as cookies; Set-Cookie attributes (Path, Expires...) stay.
     */
    private static int cookies(Scan scan, int start, int end) {
        String s = scan.text;
        int i = start;
        while (i < end) {
            while (i < end && (Chars.blank(s.charAt(i)) || s.charAt(i) == ';')) {
                i++;
            }
            int nameStart = i;
            while (i < end && s.charAt(i) != '=' && s.charAt(i) != ';' && !Chars.blank(s.charAt(i))) {
                i++;
            }
            int nameEnd = i;
            if (i >= end || s.charAt(i) != '=') {
                continue;
            }
            int v = i + 1;
            int valueEnd = v;
            // a cookie value has no blank, comma or semicolon in it (RFC 6265); quoted ones may
            boolean inQuotes = v < end && s.charAt(v) == '"';
            while (valueEnd < end && s.charAt(valueEnd) != ';'
                    && (inQuotes || !Chars.blank(s.charAt(valueEnd)) && s.charAt(valueEnd) != ',')) {
                valueEnd++;
                if (inQuotes && valueEnd > v + 1 && s.charAt(valueEnd - 1) == '"') {
                    inQuotes = false;
                }
            }
            i = valueEnd;
            int after = valueEnd;
            while (after < end && Chars.blank(s.charAt(after))) {
                after++;
            }
            boolean last = valueEnd < end && Chars.blank(s.charAt(valueEnd)) && (after >= end || s.charAt(after) != ';');
            if (valueEnd - v >= 2 && s.charAt(v) == '"' && s.charAt(valueEnd - 1) == '"') {
                v++;
                valueEnd--;
            }
            if (!attribute(s, nameStart, nameEnd) && !Values.placeholder(s, v, valueEnd)) {
                KeyNames.Key name = KeyNames.classify(scan, nameStart, nameEnd);
                if (name != KeyNames.Key.NONE
                        || Values.secretLike(s, v, valueEnd) && !deviceId(s, nameStart, nameEnd, v, valueEnd)) {
                    scan.add(name == KeyNames.Key.SESSION ? SecretKind.SESSION_ID : SecretKind.COOKIE, v, valueEnd);
                }   // else theme=dark, lang=en-GB: preferences, not credentials
            }
            if (last) {
                break;   // the header's cookies end where free text goes on
            }
        }
        return start;
    }

    /**
     * Where the key of a value written {@code host=key} starts, as Develocity (Gradle Enterprise) takes its access keys
     * ({@code develocity.accessKey=ge.acme.io=…}, {@code DEVELOCITY_ACCESS_KEY=ge.acme.io=…}): the server's name, a
     * host of two labels or more, stays, the key after its {@code =} goes. {@code start} where the value is no such pair.
     */
    private static int hostKey(String s, int start, int end) {
        int eq = Chars.indexOf(s, '=', start, end);
        if (eq < 0 || eq + 16 > end || !hostName(s, start, eq)) {
            return start;
        }
        return eq + 1;
    }

    /** Whether {@code s[start, end)} is a host's name: labels of letters, digits and dashes, two or more, the last letters. */
    private static boolean hostName(String s, int start, int end) {
        int labels = 1;
        int label = start;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '.') {
                if (k == label) {
                    return false;
                }
                labels++;
                label = k + 1;
            } else if (!Chars.alnum(c) && c != '-') {
                return false;
            }
        }
        return labels >= 2 && end - label >= 2 && Chars.lettersOnly(s, label, end);
    }

    /**
     * Where an unquoted header that stands in an open bracket ends, {@code end} at most: at the bracket's match. A
     * request printed as a list or map, {@code headers=[:path=/api, cookie=SID=…], content=…} (Armeria's RequestLog),
     * {@code {Cookie=sid=…; theme=dark}, body=…}, holds the cookie header as one element, and the list's close ends it;
     * what follows is the request's next field, no cookie. The bracket is looked for on the header's line before the
     * separator at {@code sep}, brackets closed there skipped.
     */
    private static int enclosedEnd(String s, int sep, int end) {
        int depth = 0;
        char open = 0;
        for (int k = sep - 1; k >= 0 && s.charAt(k) != '\n' && sep - k <= 512; k--) {
            char c = s.charAt(k);
            if (c == ']' || c == '}') {
                depth++;
            } else if (c == '[' || c == '{') {
                if (depth == 0) {
                    open = c;
                    break;
                }
                depth--;
            }
        }
        if (open == 0) {
            return end;
        }
        char close = open == '[' ? ']' : '}';
        int nested = 0;
        for (int k = sep + 1; k < end; k++) {
            char c = s.charAt(k);
            if (c == open) {
                nested++;
            } else if (c == close && nested-- == 0) {
                return k;
            }
        }
        return end;
    }

    /**
     * Whether a {@code name=value} setting stands right before the {@code ;} at {@code semicolon}, in the same
     * argument: a connection string's ({@code Host=…;Username=…;Password=…}, ADO.NET's and Npgsql's), no URL path's
     * segment. There a {@code #} or a {@code ?} is the value's own character, and only the {@code ;} ends it (redact62).
     */
    private static boolean settingBefore(String s, int semicolon) {
        for (int k = semicolon - 1; k >= 0 && semicolon - k <= 256; k--) {
            char c = s.charAt(k);
            if (c == '=') {
                return true;
            }
            if (c == '/' || c == '?' || c == ';' || Chars.space(c) || c == '"' || c == '\'') {
                return false;
            }
        }
        return false;
    }

    /**
     * Where the value of a URL path's parameter, after its {@code ;} ({@code /home;jsessionid=…?lang=de}), ends: at the
     * query's {@code ?} or the fragment's {@code #} (RFC 3986: a path segment's parameters stop there), {@code end} at
     * most. The query's own parameters are judged by their names.
     */
    private static int pathParameterEnd(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (s.charAt(k) == '?' || s.charAt(k) == '#') {
                return k;
            }
        }
        return end;
    }

    private static boolean attribute(String s, int start, int end) {
        return Chars.isAny(s, start, end, COOKIE_ATTRIBUTES);
    }

    /**
     * Whether the cookie {@code name=value} is a browser's or a device's id: a name that says nothing of a session or a
     * credential (its caller's test) and ends in the word "id" ({@code device_id}, {@code visitor-id}, {@code anonId}),
     * and a UUID for its value ({@code device_id=55dc3c87-fe7d-…}), which the server drew to tell clients apart, not to
     * let one in. A UUID under {@code session}, {@code sid} or {@code auth} is named a credential and goes.
     */
    private static boolean deviceId(String s, int nameStart, int nameEnd, int v, int valueEnd) {
        if (valueEnd - v != 36 || !Values.holdsUuid(s, v, valueEnd) || nameEnd - nameStart < 4) {
            return false;
        }
        char i = s.charAt(nameEnd - 2);
        char d = s.charAt(nameEnd - 1);
        char before = s.charAt(nameEnd - 3);
        return (i == 'i' || i == 'I') && (d == 'd' || d == 'D')
                && (before == '_' || before == '-' || before == '.' || i == 'I' && Chars.lower(before));
    }

    /**
     * What the type whose printed form holds a {@code value} field at {@code keyStart} says its value is: Kotlin's data
     * class and Lombok's toString ({@code Token(value=…, scope=read)}), Java's record ({@code ApiKey[value=…]}), a value
     * class named for a secret ({@code Token}, {@code RefreshToken}, {@code Password}) holding it. NONE unless a type's
     * name (a capital first, then letters and digits) stands right before the bracket that opens on the field.
     */
    static KeyNames.Key holder(Scan scan, int keyStart) {
        String s = scan.text;
        int open = keyStart - 1;
        if (open < 2 || s.charAt(open) != '(' && s.charAt(open) != '[') {
            return KeyNames.Key.NONE;
        }
        int k = open;
        while (k > 0 && open - k < KeyNames.MAX_LENGTH && Chars.alnum(s.charAt(k - 1))) {
            k--;
        }
        if (open - k < 3 || !Chars.upper(s.charAt(k)) || k > 0 && (s.charAt(k - 1) == '_' || s.charAt(k - 1) == '$')) {
            return KeyNames.Key.NONE;
        }
        return KeyNames.classify(scan, k, open);
    }
}
