-- A random secret of this installation. It keys the placeholders that stand for
-- personal data in model prompts (HMAC over the case id with this secret), so that
-- someone who sees prompts and knows a case id still cannot confirm a guessed phone
-- number or email by computing its placeholder. Made once here; every process and
-- every replay of the installation reads the same one. Two random UUIDs give 244
-- random bits.
CREATE TABLE casehound.installation (
  singleton         boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  redaction_secret  text NOT NULL CHECK (length(redaction_secret) >= 32)
);
INSERT INTO casehound.installation (redaction_secret)
VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
