import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPinKey, derivePinKey, isSealedBox, normalisePin, openWithPin, PIN_ITERATIONS, PinFormatError, seal, unseal, WrongPinError } from '../src/pin.js';

const SECRET = { description: '他打我，我想申请人身安全保护令', accessCode: 'H4T8KM2PZR' };

describe('PIN-sealed boxes', () => {
  test('open with the right PIN, and derive with at least 600,000 PBKDF2 iterations', async () => {
    const key = await createPinKey('482913');
    assert.ok(PIN_ITERATIONS >= 600_000);
    assert.equal(key.iterations, PIN_ITERATIONS);
    assert.equal(key.key.extractable, false, 'the key can never be exported');
    const box = await seal(key, SECRET, 'entry-1');
    assert.ok(isSealedBox(box));
    assert.deepEqual((await openWithPin('482913', box, 'entry-1')).value, SECRET);
    assert.deepEqual(await unseal(key, box, 'entry-1'), SECRET);
  });

  test('a wrong PIN, another entry or a changed byte open nothing', async () => {
    const key = await createPinKey('482913');
    const box = await seal(key, SECRET, 'entry-1');
    await assert.rejects(openWithPin('482914', box, 'entry-1'), WrongPinError);
    await assert.rejects(unseal(key, box, 'entry-2'), WrongPinError);
    const data = Buffer.from(box.data, 'base64');
    data[0]! ^= 1;
    await assert.rejects(unseal(key, { ...box, data: data.toString('base64') }, 'entry-1'), WrongPinError);
  });

  test('the stored box holds no plaintext, and two boxes of the same value differ', async () => {
    const key = await createPinKey('482913');
    const a = await seal(key, SECRET);
    const b = await seal(key, SECRET);
    assert.notEqual(a.data, b.data);
    assert.notEqual(a.iv, b.iv);
    const stored = JSON.stringify(a) + Buffer.from(a.data, 'base64').toString('latin1') + Buffer.from(a.data, 'base64').toString('utf8');
    for (const plain of ['H4T8KM2PZR', '保护令', 'accessCode', '482913']) assert.ok(!stored.includes(plain), plain);
  });

  test('a PIN is 4 to 8 digits; full-width digits from an IME count, spaces are ignored', async () => {
    assert.equal(normalisePin('４８２９１３'), '482913');
    assert.equal(normalisePin(' 4829 13 '), '482913');
    for (const bad of ['123', '123456789', '12a4', '', '٤٨٢٩']) assert.equal(normalisePin(bad), undefined, bad);
    await assert.rejects(createPinKey('12'), PinFormatError);
    const key = await createPinKey('４８２９');
    const box = await seal(key, SECRET);
    assert.deepEqual((await openWithPin('4829', box)).value, SECRET);
  });

  test('a stored box cannot lower the iteration count', async () => {
    await assert.rejects(derivePinKey('482913', { salt: 'AAAA', iterations: 1000 }), RangeError);
  });
});
