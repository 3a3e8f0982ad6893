import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Recipient } from './Recipient.jsx';

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Recipient />
  </StrictMode>,
);
