// The simulation's source of randomness: xoshiro128** (Blackman & Vigna, 2018), seeded through
// splitmix32 so that neighbouring seeds (1, 2, 3…) start far apart. Same seed, same numbers, on
// every platform: only 32-bit integer arithmetic (Math.imul, >>>), never Math.random. Period
// 2^128 − 1 is far beyond any forecast (10,000 trials × a few hundred draws).

/** A seeded stream of uniform numbers in [0, 1). Not for cryptography. */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    // splitmix32 expands one 32-bit seed into the four state words; it never yields all zeros
    // for all four, which is xoshiro's one forbidden state.
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** A generator in exactly this state (the reference test vectors start from one). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Random {
    const random = new Random(0);
    random.s0 = s0 >>> 0;
    random.s1 = s1 >>> 0;
    random.s2 = s2 >>> 0;
    random.s3 = s3 >>> 0;
    return random;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1), in steps of 2^−32. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  nextOpen(): number {
    return (this.nextUint32() + 1) / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A seed from a CLI or UI value: any finite number, folded to 32 bits deterministically. */
export function seedOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const whole = Math.trunc(value);
  // Fold the high part in so 2^32 + 1 and 1 are different seeds.
  return ((whole % 4294967296) ^ Math.floor(whole / 4294967296)) >>> 0;
}
