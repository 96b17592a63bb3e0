package org.defenderconnector.ocsf.objects;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written IPv4 check against the regular expression it replaced. */
class IpAddressTest {
    private static final Pattern IPV4 =
            Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");

    @Test
    void ipv4CheckAcceptsExactlyWhatThePatternAccepts() {
        List<String> samples = new ArrayList<>(List.of("", ".", "...", "1.2.3.4", "0.0.0.0", "255.255.255.255",
                "256.1.1.1", "1.2.3.256", "01.2.3.4", "1.2.3.04", "1.2.3", "1.2.3.4.", ".1.2.3.4", "1.2.3.4.5",
                "1..2.3", "1.2.3.4\n", " 1.2.3.4", "1.2.3.4 ", "1234.1.1.1", "100.200.250.199", "249.250.251.252",
                "10.0.0.1a", "a10.0.0.1", "1.2.3.-4", "+1.2.3.4", "1.2.3.٤", "192.168.1.1", "::ffff:10.0.0.1", "000.0.0.0"));
        Random random = new Random(11);
        String alphabet = "0123456789012345678901234567890123456789....a:-";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sample = new StringBuilder();
            if (i % 2 == 0) {
                for (int octet = 0; octet < 4; octet++) {
                    sample.append(octet > 0 ? "." : "").append(random.nextInt(i % 4 == 0 ? 1000 : 300));
                }
                if (i % 8 == 0) {
                    sample.insert(random.nextInt(sample.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
                }
            } else {
                int length = random.nextInt(17);
                for (int c = 0; c < length; c++) {
                    sample.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            samples.add(sample.toString());
        }
        int accepted = 0;
        for (String sample : samples) {
            boolean expected = IPV4.matcher(sample).matches();
            assertThat(IpAddress.isIpv4(sample)).as(sample).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(10_000);
    }
}
