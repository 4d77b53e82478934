package fr.relais.bench.crl;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

import fr.relais.cps.revocation.CrlParser;
import fr.relais.cps.revocation.CrlSnapshot;
import fr.relais.testpki.CertificateAuthority;
import fr.relais.testpki.TestPki;

/**
 * How long a national-size CRL takes to verify and load, and how much heap the loaded list keeps:
 * <pre>java -Xmx512m -cp ... fr.relais.bench.crl.CrlLoadBenchmark [entries] [repeats]</pre>
 */
public final class CrlLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        CertificateAuthority ca = TestPki.generate().fortPersonnes();
        BigInteger revoked = new BigInteger("63DAFFCFC8034BDCEA3D123663EE473E", 16);
        Instant now = Instant.now();
        byte[] der = ca.crl().revoke(revoked).revokeRandom(entries - 1).thisUpdate(now)
                .nextUpdate(now.plus(Duration.ofDays(1))).buildDer();
        System.out.printf("CRL: %,d entries, %,d bytes%n", entries, der.length);
        CrlParser parser = new CrlParser();
        for (int i = 1; i <= repeats; i++) {
            long heapBefore = usedHeapAfterGc();
            long start = System.nanoTime();
            CrlSnapshot snapshot = parser.parse(der, ca.certificate());
            long millis = (System.nanoTime() - start) / 1_000_000;
            long retained = usedHeapAfterGc() - heapBefore;
            long lookupStart = System.nanoTime();
            int hits = 0;
            for (int probe = 0; probe < 1_000_000; probe++) {
                if (snapshot.isRevoked(BigInteger.valueOf(probe))) {
                    hits++;
                }
            }
            double lookupNanos = (System.nanoTime() - lookupStart) / 1_000_000.0;
            System.out.printf("run %d: verify+load %,d ms, retained heap %,d MB, revoked card found: %s, "
                    + "lookup %.0f ns (%d false hits)%n", i, millis, retained / (1024 * 1024), snapshot.isRevoked(revoked),
                    lookupNanos, hits);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
