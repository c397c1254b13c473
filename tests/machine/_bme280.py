# A BME280 driver written the way users write one, from the datasheet (section 4.2.3, the
# floating-point compensation formulas): used by the machine tests against the simulated sensor.
import time

BME280_ADDR = 0x76


class BME280:
    def __init__(self, i2c, addr=BME280_ADDR):
        self.i2c = i2c
        self.addr = addr
        chip = i2c.readfrom_mem(addr, 0xD0, 1)[0]
        if chip != 0x60:
            raise OSError("not a BME280: chip id 0x%02x" % chip)
        i2c.writeto_mem(addr, 0xE0, b'\xb6')      # soft reset
        time.sleep_ms(2)
        c = i2c.readfrom_mem(addr, 0x88, 24)
        w = [c[i] | (c[i + 1] << 8) for i in range(0, 24, 2)]
        s = [v - 65536 if v > 32767 else v for v in w]
        self.T1, self.T2, self.T3 = w[0], s[1], s[2]
        self.P1, self.P2, self.P3, self.P4, self.P5, self.P6, self.P7, self.P8, self.P9 = [w[3]] + s[4:]
        self.H1 = i2c.readfrom_mem(addr, 0xA1, 1)[0]
        h = i2c.readfrom_mem(addr, 0xE1, 7)
        self.H2 = h[0] | (h[1] << 8)
        if self.H2 > 32767:
            self.H2 -= 65536
        self.H3 = h[2]
        self.H4 = (h[3] << 4) | (h[4] & 0x0F)
        self.H5 = (h[5] << 4) | (h[4] >> 4)
        self.H6 = h[6] - 256 if h[6] > 127 else h[6]

    def read_raw(self):
        self.i2c.writeto_mem(self.addr, 0xF2, b'\x01')          # humidity x1
        self.i2c.writeto_mem(self.addr, 0xF4, b'\x25')          # temp x1, press x1, forced mode
        while self.i2c.readfrom_mem(self.addr, 0xF3, 1)[0] & 0x08:
            time.sleep_ms(1)
        d = self.i2c.readfrom_mem(self.addr, 0xF7, 8)
        p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
        t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
        h = (d[6] << 8) | d[7]
        return t, p, h

    def read(self):
        """(temperature in C, pressure in hPa, relative humidity in %)."""
        adc_t, adc_p, adc_h = self.read_raw()
        v1 = (adc_t / 16384.0 - self.T1 / 1024.0) * self.T2
        v2 = (adc_t / 131072.0 - self.T1 / 8192.0) ** 2 * self.T3
        t_fine = v1 + v2
        temp = t_fine / 5120.0
        v1 = t_fine / 2.0 - 64000.0
        v2 = v1 * v1 * self.P6 / 32768.0
        v2 = v2 + v1 * self.P5 * 2.0
        v2 = v2 / 4.0 + self.P4 * 65536.0
        v1 = (self.P3 * v1 * v1 / 524288.0 + self.P2 * v1) / 524288.0
        v1 = (1.0 + v1 / 32768.0) * self.P1
        p = 1048576.0 - adc_p
        p = (p - v2 / 4096.0) * 6250.0 / v1
        v1 = self.P9 * p * p / 2147483648.0
        v2 = p * self.P8 / 32768.0
        p = p + (v1 + v2 + self.P7) / 16.0
        h = t_fine - 76800.0
        h = ((adc_h - (self.H4 * 64.0 + self.H5 / 16384.0 * h)) *
             (self.H2 / 65536.0 * (1.0 + self.H6 / 67108864.0 * h * (1.0 + self.H3 / 67108864.0 * h))))
        h = h * (1.0 - self.H1 * h / 524288.0)
        h = min(100.0, max(0.0, h))
        return temp, p / 100.0, h
