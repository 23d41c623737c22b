package dev.jig.leftover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieTest {

    private static final Path REGISTRY = Path.of("/tmp/jig-processes-someone");

    @Test
    void aCookieNamesItsRegistryOwnerAndSystemAndReadsBack() {
        Cookie cookie = Cookie.next("my atm/1", REGISTRY);

        assertThat(cookie.owner()).isEqualTo(Owner.current());
        assertThat(cookie.registry()).isEqualTo(Cookie.registryKey(REGISTRY)).hasSize(12);
        assertThat(cookie.systemName()).isEqualTo("my_atm_1");
        assertThat(cookie.text()).doesNotContain(" ").startsWith(cookie.registry() + "/" + ProcessHandle.current().pid()
                + "@");
        assertThat(Cookie.parseAll(cookie.text())).containsExactly(cookie);
    }

    @Test
    void everySystemGetsItsOwnCookie() {
        assertThat(Cookie.next("atm", REGISTRY)).isNotEqualTo(Cookie.next("atm", REGISTRY));
    }

    @Test
    void aNestedRunAppendsItsCookieToTheInheritedOnes() {
        Cookie outer = Cookie.next("run", REGISTRY);
        Cookie inner = Cookie.next("atm", Path.of("/elsewhere"));

        String value = inner.appendTo(outer.appendTo(null));

        assertThat(value).isEqualTo(outer.text() + " " + inner.text());
        assertThat(Cookie.parseAll(value)).containsExactly(outer, inner);
    }

    @Test
    void valuesThatAreNotCookiesAreSkipped() {
        Cookie cookie = Cookie.next("atm", REGISTRY);

        assertThat(Cookie.parseAll("hello  a/b/c 1@2/x " + cookie.text() + " //")).containsExactly(cookie);
        assertThat(Cookie.parseAll(null)).isEmpty();
    }

    @Test
    void registryKeysDifferByDirectory() {
        assertThat(Cookie.registryKey(REGISTRY)).isEqualTo(Cookie.registryKey(Path.of("/tmp/./jig-processes-someone")))
                .isNotEqualTo(Cookie.registryKey(Path.of("/tmp/other")));
    }

    @Test
    void cgroupNamesCarryTheCookie() {
        Cookie cookie = Cookie.next("my_atm", REGISTRY);

        assertThat(Cgroup.cookieOf(Cgroup.PREFIX + cookie.text().replace('/', '_'))).contains(cookie);
        assertThat(Cgroup.cookieOf("jig_probe-12")).isEmpty();
        assertThat(Cgroup.cookieOf("system.slice")).isEmpty();
    }

    @Test
    void hostTokensAreOneWord() {
        assertThat(HostIdentity.current().token()).matches("[a-z0-9-]+");
        assertThat(List.of(new HostIdentity(null, " ", "pid:[42]").token())).containsExactly("x-x-pid42");
    }
}
