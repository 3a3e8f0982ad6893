import { createApp } from 'vue';
import Recipient from './Recipient.vue';

createApp(Recipient).mount('#app');
