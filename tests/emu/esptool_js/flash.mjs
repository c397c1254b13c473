// flash.mjs: esptool-js (npm, the library web flashers use) under node against build/adder-nodemcu:
// a Web Serial SerialPort over the emulator's pty (reads and writes through node's tty streams) whose
// DTR/RTS go to the emulator's control socket, so esptool-js's own classic reset sequence drives the
// board's modelled auto-reset circuit.  Then: detect the chip, upload and run the stub flasher on the
// simulated CPU, read the flash id, erase, write (compressed, md5-checked), verify, hard reset.
//
//   node flash.mjs --port PATH --control SOCK [--baud N] [--erase] [--write ADDR FILE] [--verify]
//                  [--debug]
// Exit status 0 when every step worked; each step prints a line on stdout (`ok chip ESP8266EX`...).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import tty from "node:tty";
import { ESPLoader, Transport } from "esptool-js";

// The emulator's control socket: one `ok ...`/`error ...` line answers each command line.
class ControlSocket {
  constructor(path) {
    this.path = path;
    this.sock = null;
    this.buf = "";
    this.waiters = [];
  }

  async connect() {
    this.sock = net.createConnection(this.path);
    await new Promise((resolve, reject) => {
      this.sock.once("connect", resolve);
      this.sock.once("error", reject);
    });
    this.sock.setEncoding("utf8");
    this.sock.on("data", (d) => {
      this.buf += d;
      let i;
      while ((i = this.buf.indexOf("\n")) >= 0) {
        const line = this.buf.slice(0, i).trim();
        this.buf = this.buf.slice(i + 1);
        const w = this.waiters.shift();
        if (w) w(line);
      }
    });
  }

  // Sends the lines in one write (the circuit sees both signals change together, as a USB serial
  // adapter's SET_CONTROL_LINE_STATE request sets them) and waits for every answer.
  async send(lines) {
    const answers = lines.map(() => new Promise((resolve) => this.waiters.push(resolve)));
    this.sock.write(lines.map((l) => l + "\n").join(""));
    const got = await Promise.all(answers);
    for (const [i, a] of got.entries()) {
      if (!a.startsWith("ok")) throw new Error(`control socket: ${lines[i]} -> ${a}`);
    }
  }

  close() {
    if (this.sock) this.sock.end();
  }
}

// The Web Serial API's SerialPort, as much of it as esptool-js uses, over a pty.
class PtySerialPort {
  constructor(path, control) {
    this.path = path;
    this.control = control;
    this.readable = null;
    this.writable = null;
    this.input = null;
    this.output = null;
  }

  getInfo() {
    return {}; // no USB ids: esptool-js then treats it as a USB-UART bridge
  }

  async open({ baudRate }) {
    execFileSync("stty", ["-F", this.path, "raw", "-echo", String(baudRate)]);
    const fd = fs.openSync(this.path, fs.constants.O_RDWR | fs.constants.O_NOCTTY);
    this.input = new tty.ReadStream(fd);
    this.input.setRawMode(true);
    this.output = new tty.WriteStream(fd);
    const input = this.input;
    const output = this.output;
    this.readable = new ReadableStream({
      start(controller) {
        input.on("data", (d) => controller.enqueue(new Uint8Array(d)));
        input.on("end", () => controller.close());
        input.on("error", (e) => controller.error(e));
      },
      cancel() {
        input.pause();
      },
    });
    this.writable = new WritableStream({
      write(chunk) {
        return new Promise((resolve, reject) => output.write(chunk, (e) => (e ? reject(e) : resolve())));
      },
    });
  }

  // esptool-js's in-place baud change (no close/reopen: closing the pty would let the emulator
  // think the client went away and boot the firmware).
  async setBaudRate(baudRate) {
    execFileSync("stty", ["-F", this.path, String(baudRate)]);
  }

  async setSignals({ dataTerminalReady, requestToSend }) {
    const lines = [];
    if (dataTerminalReady !== undefined) lines.push(`dtr ${dataTerminalReady ? 1 : 0}`);
    if (requestToSend !== undefined) lines.push(`rts ${requestToSend ? 1 : 0}`);
    if (lines.length) await this.control.send(lines);
  }

  async close() {
    this.readable = null;
    this.writable = null;
    if (this.input) this.input.destroy();
    this.input = null;
    this.output = null; // the same fd: destroyed with input
  }
}

function parseArgs(argv) {
  const args = { port: null, control: null, baud: 115200, erase: false, write: null, verify: false, debug: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port") args.port = argv[++i];
    else if (a === "--control") args.control = argv[++i];
    else if (a === "--baud") args.baud = Number(argv[++i]);
    else if (a === "--erase") args.erase = true;
    else if (a === "--write") args.write = { address: Number(argv[++i]), file: argv[++i] };
    else if (a === "--verify") args.verify = true;
    else if (a === "--debug") args.debug = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.port || !args.control) throw new Error("--port PATH and --control SOCK are required");
  if (args.write && (Number.isNaN(args.write.address) || !args.write.file)) throw new Error("--write ADDR FILE");
  return args;
}

const md5 = (data) => createHash("md5").update(data).digest("hex");

async function flash(args) {
  const control = new ControlSocket(args.control);
  await control.connect();
  const port = new PtySerialPort(args.port, control);
  const terminal = {
    clean() {},
    writeLine(s) {
      process.stderr.write(s + "\n");
    },
    write(s) {
      process.stderr.write(s);
    },
  };
  const transport = new Transport(port, args.debug);
  const loader = new ESPLoader({ transport, baudrate: args.baud, romBaudrate: 115200, terminal, debugLogging: args.debug });
  try {
    const chip = await loader.main("default_reset");
    console.log(`ok chip ${chip}`);
    if (!loader.IS_STUB) throw new Error("the stub flasher is not running");
    console.log("ok stub");
    const id = await loader.readFlashId();
    console.log(`ok flash_id ${id.toString(16)}`);
    if (args.erase) {
      await loader.eraseFlash();
      console.log("ok erase");
    }
    let image = null;
    if (args.write) {
      image = new Uint8Array(fs.readFileSync(args.write.file));
      await loader.writeFlash({
        fileArray: [{ data: image, address: args.write.address }],
        flashMode: "keep",
        flashFreq: "keep",
        flashSize: "keep",
        eraseAll: false,
        compress: true,
        calculateMD5Hash: md5, // writeFlash compares it with the stub's SPI_FLASH_MD5
      });
      console.log(`ok write ${image.length}`);
    }
    if (args.verify && image) {
      const back = await loader.readFlash(args.write.address, image.length);
      if (md5(back) !== md5(image)) throw new Error("verify: the flash read back differs from the file");
      console.log("ok verify");
    }
    await loader.after("hard_reset");
    console.log("ok hard_reset");
  } finally {
    await transport.disconnect().catch(() => {});
    control.close();
  }
}

try {
  await flash(parseArgs(process.argv.slice(2)));
  process.exit(0);
} catch (e) {
  console.error(`flash.mjs: ${e && e.message ? e.message : e}`);
  process.exit(1);
}
