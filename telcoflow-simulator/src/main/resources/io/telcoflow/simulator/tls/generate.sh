#!/usr/bin/env bash
# Regenerates the TEST-ONLY TLS material of the Telcoflow simulator. Not part of the build.
# Needs keytool (JDK 17+) and openssl (only to write the PKCS#8 PEM private keys).
# Every password is "changeit". Never use any of these files outside tests.
set -euo pipefail
cd "$(dirname "$0")"
P=changeit
DAYS=3650
rm -f ./*.p12 ./*.pem ./*.csr ./*.crt ./*.jks

kt() { keytool -noprompt -storetype PKCS12 -storepass "$P" -keypass "$P" "$@"; }

# Test CA and another, unrelated CA
kt -genkeypair -alias ca -keyalg RSA -keysize 2048 -dname "CN=Telcoflow Simulator TEST CA" \
  -ext bc:c -ext ku:c=keyCertSign,cRLSign -validity $DAYS -keystore ca.p12
kt -genkeypair -alias ca -keyalg RSA -keysize 2048 -dname "CN=Some Other TEST CA" \
  -ext bc:c -ext ku:c=keyCertSign,cRLSign -validity $DAYS -keystore other-ca.p12
kt -exportcert -rfc -alias ca -keystore ca.p12 -file test-ca.crt.pem
kt -exportcert -rfc -alias ca -keystore other-ca.p12 -file other-ca.crt.pem
kt -importcert -alias test-ca -file test-ca.crt.pem -keystore test-ca-truststore.p12

# leaf <keystore> <cn> <ca keystore> <ca pem> <extra ext...>
leaf() {
  local store=$1 cn=$2 ca=$3 capem=$4; shift 4
  kt -genkeypair -alias key -keyalg RSA -keysize 2048 -dname "CN=$cn" -validity $DAYS -keystore "$store"
  kt -certreq -alias key -keystore "$store" -file leaf.csr
  kt -gencert -alias ca -keystore "$ca" -infile leaf.csr -outfile leaf.crt -rfc -validity $DAYS "$@"
  cat "$capem" leaf.crt > chain.pem
  kt -importcert -alias key -keystore "$store" -file chain.pem
  rm -f leaf.csr chain.pem
}

leaf server.p12 localhost ca.p12 test-ca.crt.pem \
  -ext "san=dns:localhost,ip:127.0.0.1,ip:::1" -ext ku:c=digitalSignature,keyEncipherment -ext eku=serverAuth
rm -f leaf.crt
leaf client.p12 "Telcoflow TEST client" ca.p12 test-ca.crt.pem -ext ku:c=digitalSignature,keyEncipherment -ext eku=clientAuth
cat leaf.crt test-ca.crt.pem > client.crt.pem
rm -f leaf.crt
leaf other-ca-client.p12 "Telcoflow TEST client of another CA" other-ca.p12 other-ca.crt.pem \
  -ext ku:c=digitalSignature,keyEncipherment -ext eku=clientAuth
cat leaf.crt other-ca.crt.pem > other-ca-client.crt.pem
rm -f leaf.crt

# PKCS#8 PEM private keys (unencrypted) for PEM-based client configuration tests
openssl pkcs12 -in client.p12 -passin pass:$P -nocerts -nodes | openssl pkcs8 -topk8 -nocrypt -out client.key.pem
openssl pkcs12 -in other-ca-client.p12 -passin pass:$P -nocerts -nodes | openssl pkcs8 -topk8 -nocrypt -out other-ca-client.key.pem

# The CA private keys are not needed at runtime; keep them out of the classpath.
rm -f ca.p12 other-ca.p12
echo "done"
